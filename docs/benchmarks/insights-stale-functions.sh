#!/usr/bin/env bash
# What the insights triggers cost a one-row transaction (docs/benchmarks/results.md, "Insights functions that keep
# their plans"). The portal's writes are one row a transaction, so a trigger's setup cost is paid on every one of them;
# docs/benchmarks/insights-triggers.sql measures 3,000 rows in one statement and cannot see it.
#
# Run on a throwaway copy of a generated database, with PostgreSQL's own pgbench:
#   createdb -T <generated> tptrig
#   PGHOST=... PGPORT=... PGUSER=... bash docs/benchmarks/insights-stale-functions.sh tptrig [transactions]
# Each statement runs alone in a transaction that is rolled back, over one pgbench connection, as the portal's
# pooled connections do. Run it before and after the migration InsightsStaleFunctionsKeepTheirPlans to compare.
set -euo pipefail
db=${1:?the database to measure}
transactions=${2:-5000}
pgbench=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | tail -1)
one() { psql -d "$db" -Atc "$1"; }

referral=$(one 'SELECT "ReferralId" FROM "MashCases" ORDER BY "Id" LIMIT 1')
escalation=$(one 'SELECT "Id" FROM "Escalations" ORDER BY "Id" LIMIT 1')
link=$(one $'SELECT "Id" FROM "PersonLinks" WHERE "Role" = \'Child\' ORDER BY "Id" LIMIT 1')
echo "functions: $(one $'SELECT string_agg(p.proname || \' \' || l.lanname, \', \' ORDER BY p.proname) FROM pg_proc p
    JOIN pg_language l ON l.oid = p.prolang WHERE p.proname LIKE \'insights_stale_%\'')"

measure() {
    local name=$1 statement=$2 script
    script=$(mktemp)
    printf 'BEGIN;\n%s;\nROLLBACK;\n' "$statement" > "$script"
    printf '%s: ' "$name"
    "$pgbench" -n -M prepared -c 1 -t "$transactions" -f "$script" "$db" 2>&1 | sed -n 's/^latency average = //p'
    rm -f "$script"
}

for run in 1 2; do
    echo "run $run"
    # insights_stale_referral, from the quality flag's trigger: the send writes one a flag.
    measure "insert a quality flag" "INSERT INTO \"ReferralQualityFlags\" (\"ReferralId\", \"Kind\", \"Field\")
        VALUES ('$referral', 'UnknownTerm', 'WhatHappened')"
    # insights_stale_case, from a row that points at a case: an escalation's answer.
    measure "answer an escalation" "UPDATE \"Escalations\" SET \"Response\" = coalesce(\"Response\", '') || '.'
        WHERE \"Id\" = '$escalation'"
    # insights_stale_child, twice (the link before and after), from a child's link to a person.
    measure "move a child's link" "UPDATE \"PersonLinks\" SET \"LinkedAt\" = \"LinkedAt\" + interval '1 second'
        WHERE \"Id\" = $link"
    # A one-row insert into a table with no trigger: the floor the others are read against.
    measure "insert a row with no trigger" "INSERT INTO \"InsightsStaleDays\" (\"ReceivedAt\", \"OrganisationId\")
        VALUES (now(), NULL)"
done
