-- Gives the portal's database to its owner role and lets the app role read and write its rows (docs/decisions/0115).
-- Run as a superuser, connected to the portal's database, after roles.sql; running it again changes nothing.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I OWNER TO thresholdportal_owner', current_database());
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO thresholdportal_app', current_database());
END
$$;

ALTER SCHEMA public OWNER TO thresholdportal_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO thresholdportal_app;

-- A database first migrated as a superuser (before the two roles): its tables, views, free-standing sequences and
-- functions go to the owner, so later migrations can change them. Sequences of identity columns follow their table.
DO $$
DECLARE
    relation record;
    routine record;
BEGIN
    FOR relation IN
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND c.relowner <> 'thresholdportal_owner'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER %s %I OWNER TO thresholdportal_owner',
            CASE relation.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
            relation.relname);
    END LOOP;
    FOR routine IN
        SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> 'thresholdportal_owner'::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO thresholdportal_owner', routine.signature);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO thresholdportal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO thresholdportal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE thresholdportal_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO thresholdportal_app;
ALTER DEFAULT PRIVILEGES FOR ROLE thresholdportal_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO thresholdportal_app;
