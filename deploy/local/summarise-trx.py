"""Adds up the TRX files of a `dotnet test` run: one line per test project with its count and time (from the
TRX start and finish times), then one closing line: 'N passed, N failed, N skipped'."""
import datetime
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def project_of(root):
    """The test assembly's name, from the first test's storage path; None for a project with no test run."""
    test = root.find("t:TestDefinitions/t:UnitTest", NS)
    return pathlib.Path(test.get("storage")).stem if test is not None else None


def seconds_of(root):
    times = root.find("t:Times", NS)
    if times is None or not times.get("start") or not times.get("finish"):
        return 0.0
    start, finish = (datetime.datetime.fromisoformat(times.get(key)) for key in ("start", "finish"))
    return (finish - start).total_seconds()


totals = {"passed": 0, "failed": 0, "skipped": 0}
files = sorted(pathlib.Path(sys.argv[1]).glob("*.trx"))
for trx in files:
    root = ET.parse(trx).getroot()
    counters = root.find("t:ResultSummary/t:Counters", NS)
    if counters is None:
        continue
    totals["passed"] += int(counters.get("passed", 0))
    totals["failed"] += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    totals["skipped"] += int(counters.get("notExecuted", 0))
    project = project_of(root)
    if project is not None:
        elapsed = seconds_of(root)
        print(f"{project}: {counters.get('total', 0)} tests in {int(elapsed // 60)}m{elapsed % 60:04.1f}s")
print(f"{totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
sys.exit(0 if files and totals["passed"] > 0 and totals["failed"] == 0 else 1)
