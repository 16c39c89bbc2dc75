-- The portal's two database roles (docs/decisions/0115). Run once per PostgreSQL cluster, as a superuser; running it
-- again changes nothing. thresholdportal_owner owns the schema and runs the migrations; thresholdportal_app is the role
-- the portal signs in as: it reads and writes rows, and cannot alter tables, disable triggers or truncate.
-- A deployment sets each role's password (ALTER ROLE ... PASSWORD) or certificate as its own policy says.
DO $$
BEGIN
    CREATE ROLE thresholdportal_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- made by an earlier run, or by another test run at the same moment
END
$$;

DO $$
BEGIN
    CREATE ROLE thresholdportal_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;
