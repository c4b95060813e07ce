"""Prints what each executed notebook found: its output lines starting with "FINDING:".

A notebook states its results by printing lines "FINDING: ..." (see kernel/README.md); a
notebook without any is reported with its last markdown cell instead.
"""
import json
import sys


def output_text(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/plain", "") if output.get("output_type") in ("execute_result", "display_data") else ""


def joined(value):
    return "".join(value) if isinstance(value, list) else value


def findings(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    found = []
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            for line in joined(output_text(output)).splitlines():
                if line.strip().startswith("FINDING:"):
                    found.append(line.strip()[len("FINDING:"):].strip())
    if not found:
        markdown = [joined(c["source"]) for c in nb.get("cells", []) if c.get("cell_type") == "markdown"]
        found = ["(no FINDING lines) " + markdown[-1].strip()] if markdown else ["(no FINDING lines)"]
    return found


def main(paths):
    print("\n== What the notebooks found ==")
    for path in paths:
        print("\n" + path)
        for finding in findings(path):
            print("  - " + finding)


if __name__ == "__main__":
    main(sys.argv[1:])
