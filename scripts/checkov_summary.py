"""Reads checkov's JSON report: exit 1 on any failed check or parsing error, listing them.

Further arguments name files that must have been checked: checkov silently skips a file it
cannot map to its schema (no parsing error, no result), which would hide it from the scan.
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    text = handle.read().strip()
if not text:
    print("checkov wrote no report")
    sys.exit(1)
report = json.loads(text)
reports = report if isinstance(report, list) else [report]
problems = []
for item in reports:
    summary = item.get("summary", {})
    if summary.get("parsing_errors", 0):
        problems.append(f"{summary['parsing_errors']} file(s) could not be parsed")
    for check in item.get("results", {}).get("failed_checks", []):
        problems.append(f"{check['check_id']} {check['resource']} {check['file_path']}:{check['file_line_range']}")
checked = {
    check["file_path"].lstrip("/")
    for item in reports
    for kind in ("passed_checks", "failed_checks", "skipped_checks")
    for check in item.get("results", {}).get(kind, [])
}
for expected in sys.argv[2:]:
    if not any(path.endswith(expected) for path in checked):
        problems.append(f"{expected}: checkov ran no check on it (a file it cannot read is silently skipped)")
if problems:
    print("\n".join(problems))
    sys.exit(1)
passed = sum(item.get("summary", {}).get("passed", 0) for item in reports)
skipped = sum(item.get("summary", {}).get("skipped", 0) for item in reports)
print(f"checkov: {passed} passed, {skipped} skipped with a reason")
