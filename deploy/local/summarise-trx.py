"""Adds up the TRX files of a `dotnet test` run and prints one closing line: 'N passed, N failed, N skipped'."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
totals = {"passed": 0, "failed": 0, "skipped": 0}
files = list(pathlib.Path(sys.argv[1]).glob("*.trx"))
for trx in files:
    counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
    if counters is None:
        continue
    totals["passed"] += int(counters.get("passed", 0))
    totals["failed"] += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    totals["skipped"] += int(counters.get("notExecuted", 0))
print(f"{totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
sys.exit(0 if files and totals["passed"] > 0 and totals["failed"] == 0 else 1)
