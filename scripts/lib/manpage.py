#!/usr/bin/env python3
"""Renders a tool's `--experimental-dump-help` JSON (ArgumentParser's own description of its commands, the same
definitions `--help` prints) as a man(7) page: one page per tool, every subcommand a section, hidden options left
out exactly as `--help` leaves them out.

    manpage.py TOOL.json --date YYYY-MM-DD --version V > TOOL.1

The EXAMPLES section comes from the command's discussion: lines after "Examples:" are shown as code.
"""
import argparse
import json
import sys


def roff(text):
    """Escapes text for roff: backslashes, and a leading dot or quote that would start a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def option_label(argument):
    """`--name <value>`, `-x, --name`, or `<value>` for a positional argument."""
    names = []
    for name in argument.get("names", []):
        prefix = "-" if name["kind"] == "short" else "--" if name["kind"] == "long" else "-"
        names.append(prefix + name["name"])
    value = argument.get("valueName")
    if argument["kind"] == "positional":
        label = f"<{value}>"
    elif argument["kind"] == "option":
        label = ", ".join(names) + f" <{value}>"
    else:
        label = ", ".join(names)
    if argument.get("isRepeating"):
        label += " ..."
    return label


def render_arguments(command, out):
    arguments = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    for argument in arguments:
        out.append(".TP")
        out.append("\\fB" + roff(option_label(argument)) + "\\fR")
        text = argument.get("abstract", "")
        if argument.get("defaultValue") not in (None, "") and argument["kind"] != "flag":
            text += f" (default: {argument['defaultValue']})"
        out.append(roff(text))
        if argument.get("discussion"):
            out.append(roff(argument["discussion"] if isinstance(argument["discussion"], str) else ""))


def render_discussion(discussion, out):
    """Prose as paragraphs; an "Examples:" block as indented code lines."""
    # The tool's --help repeats its default subcommand's options (DefaultCommandHelp); the page lists them anyway.
    discussion = discussion.split("Options of the default subcommand")[0]
    prose, _, examples = discussion.partition("Examples:")
    for paragraph in prose.strip().split("\n"):
        if paragraph.strip():
            out.append(".PP")
            out.append(roff(paragraph.strip()))
    return examples.strip()


def render(tool, date, version):
    command = tool["command"]
    name = command["commandName"]
    out = [f'.TH {name.upper()} 1 "{date}" "ColdCredits {version}" "ColdCredits Manual"']
    out += [".SH NAME", f"{roff(name)} \\- {roff(command.get('abstract', ''))}"]
    out += [".SH SYNOPSIS", f"\\fB{roff(name)}\\fR [\\fIsubcommand\\fR] [\\fIoptions\\fR]"]
    examples = ""
    if command.get("discussion"):
        out.append(".SH DESCRIPTION")
        examples = render_discussion(command["discussion"], out)
    if command.get("arguments"):
        out.append(".SH OPTIONS")
        render_arguments(command, out)

    def walk(subcommands, path):
        for sub in subcommands:
            if not sub.get("shouldDisplay", True):
                continue
            full = path + [sub["commandName"]]
            out.append(".SH " + roff(" ".join(full).upper()))
            marker = " (the default subcommand)" if sub["commandName"] == command.get("defaultSubcommand") else ""
            out.append(".PP")
            out.append("\\fB" + roff(" ".join(full)) + "\\fR" + roff(marker) + " \\- " + roff(sub.get("abstract", "")))
            if sub.get("discussion"):
                more = render_discussion(sub["discussion"], out)
                nonlocal_examples.append(more)
            render_arguments(sub, out)
            walk(sub.get("subcommands", []), full)

    nonlocal_examples = []
    walk(command.get("subcommands", []), [name])
    blocks = [block for block in [examples] + nonlocal_examples if block]
    if blocks:
        out.append(".SH EXAMPLES")
        for block in blocks:
            lines = "\n".join(line.strip() for line in block.split("\n") if line.strip())
            out += [".PP", ".nf", ".RS 4", roff(lines), ".RE", ".fi"]
    out += [".SH EXIT STATUS", "0 success; 64 usage; 65 data error; 66 no input; 73 cannot create; "
            "75 temporary failure; 77 no permission; 1 a bug.",
            ".SH SEE ALSO", ", ".join(f"\\fB{t}\\fR(1)" for t in ["prepare", "sign", "broadcast", "sandbox"]
                                     if t != name) + "; README.md and SECURITY.md in the release archive."]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dump")
    parser.add_argument("--date", required=True)
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    with open(args.dump) as handle:
        tool = json.load(handle)
    sys.stdout.write(render(tool, args.date, args.version))


if __name__ == "__main__":
    main()
