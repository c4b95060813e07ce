"""What each executed notebook found: its output lines starting with "FINDING:".

    findings.py NOTEBOOK...                          prints them
    findings.py --index HTML --times TSV NOTEBOOK... also writes HTML: one page that links every
        executed notebook's HTML (NOTEBOOK with .html), with its time and status from TSV (lines
        "name<TAB>seconds<TAB>status", written by environment/reproduce), the scale, the machine,
        the FINDING lines and the notebook's first figure as a thumbnail, inlined so that the page
        is one file a teacher can open.

A notebook states its results by printing lines "FINDING: ..." (see kernel/README.md); a
notebook without any is reported with its last markdown cell instead.
"""
import datetime
import html
import json
import os
import sys


def output_text(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/plain", "") if output.get("output_type") in ("execute_result", "display_data") else ""


def joined(value):
    return "".join(value) if isinstance(value, list) else value


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def findings(path):
    nb = load(path)
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


def first_figure(path):
    """The notebook's first PNG output, base64, or None."""
    for cell in load(path).get("cells", []):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                return joined(png).replace("\n", "")
    return None


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def read_times(path):
    times = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                name, seconds, status = line.rstrip("\n").split("\t")
                times[name] = (int(seconds), status)
    return times


def index_page(paths, times, scale):
    """One entry per notebook that ran (times) or was executed (paths), in that order."""
    executed = {os.path.splitext(os.path.basename(p))[0]: p for p in paths}
    rows = []
    for name in list(times) + [n for n in executed if n not in times]:
        path = executed.get(name)
        seconds, status = times.get(name, (None, "unknown"))
        figure = first_figure(path) if path else None
        thumbnail = (f'<a href="{html.escape(name)}.html"><img class="thumb" alt="first figure of {html.escape(name)}" '
                     f'src="data:image/png;base64,{figure}"></a>') if figure else '<span class="none">no figure</span>'
        found = findings(path) if path else ["(the notebook failed before it was written; see the reproduce log)"]
        items = "".join(f"<li>{html.escape(f)}</li>" for f in found)
        took = f"{seconds} s" if seconds is not None else "time not recorded"
        title = f'<a href="{html.escape(name)}.html">{html.escape(name)}</a>' if path else html.escape(name)
        notebook = f' &middot; <a href="{html.escape(name)}.ipynb">executed notebook</a>' if path else ""
        rows.append(f"""<section class="{'failed' if status != 'ok' else 'ok'}">
<div class="figure">{thumbnail}</div>
<div class="text"><h2>{title}</h2>
<p class="meta">{html.escape(status)} &middot; {took}{notebook}</p>
<ul>{items}</ul></div>
</section>""")
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>grokkit notebooks: results</title>
<style>
body {{ font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }}
section {{ display: flex; gap: 1.5em; border-top: 1px solid #ccc; padding: 1em 0; }}
section.failed h2 a {{ color: #b00; }}
.figure {{ flex: 0 0 322px; }}
.thumb {{ width: 320px; border: 1px solid #ddd; }}
.meta {{ color: #666; margin: 0.2em 0 0.6em; }}
li {{ margin-bottom: 0.3em; }}
</style></head>
<body><h1>grokkit notebooks: what they show</h1>
<p>Scale <b>{html.escape(scale)}</b>, run {when} on {html.escape(cpu_model())} ({os.cpu_count()} cores).
Each entry links the executed notebook as HTML; the list is what the notebook found (its FINDING lines).</p>
{"".join(rows)}
</body></html>
"""


def main(argv):
    index = times = None
    while argv and argv[0] in ("--index", "--times"):
        if len(argv) < 2:
            sys.exit(f"findings.py: {argv[0]} needs a path")
        if argv[0] == "--index":
            index = argv[1]
        else:
            times = argv[1]
        argv = argv[2:]
    print("\n== What the notebooks found ==")
    for path in argv:
        print("\n" + path)
        for finding in findings(path):
            print("  - " + finding)
    if index:
        with open(index, "w", encoding="utf-8") as f:
            f.write(index_page(argv, read_times(times), os.environ.get("GROKKIT_SCALE", "teaching")))


if __name__ == "__main__":
    main(sys.argv[1:])
