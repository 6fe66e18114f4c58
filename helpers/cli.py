"""``dlcourse``: the course's command line for students and instructors.

dlcourse check              the environment report
dlcourse lessons            the lessons of the syllabus and their status
dlcourse lessons --update-readme   rewrite README.md's lesson table
dlcourse release [--check]  regenerate assignments/ from solutions/ (or check it)
"""

import argparse
import sys


def _check(args):
    from helpers.env import report

    print(report(check_gpu=not args.no_gpu))
    return 0


def _lessons(args):
    from helpers import syllabus

    if args.update_readme:
        changed = syllabus.update_readme()
        print(
            "README.md lesson table updated."
            if changed
            else "README.md lesson table is up to date."
        )
        return 0
    for lesson in syllabus.load():
        print(f"{lesson.number:>2}  {lesson.status:<8} {lesson.title}")
    return 0


def _release(args):
    from helpers import grading

    if args.check:
        problems = grading.drift(assignments=args.assignments)
        for problem in problems:
            print(problem)
        print(
            "assignments/ has drifted from solutions/."
            if problems
            else "assignments/ is up to date."
        )
        return 1 if problems else 0
    ids = grading.release(assignments=args.assignments)
    print(f"Released {', '.join(ids)} into assignments/.")
    return 0


def _execute(args):
    from helpers.notebooks import execute

    for path in args.notebooks:
        seconds = execute(path, fast=args.fast)
        print(
            f"{path}: executed in {seconds:.1f} s ({'fast' if args.fast else 'full'} mode), saved."
        )
    return 0


def parser():
    main = argparse.ArgumentParser(prog="dlcourse", description="The deep-learning course's tools.")
    commands = main.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="print the environment report")
    check.add_argument(
        "--no-gpu", action="store_true", help="skip the GPU check (no TensorFlow import)"
    )
    check.set_defaults(run=_check)

    lessons = commands.add_parser("lessons", help="list the lessons and their status")
    lessons.add_argument(
        "--update-readme", action="store_true", help="rewrite README.md's lesson table"
    )
    lessons.set_defaults(run=_lessons)

    release = commands.add_parser(
        "release", help="generate assignments/ from solutions/ with nbgrader"
    )
    release.add_argument("assignments", nargs="*", help="assignment ids (default: all ready ones)")
    release.add_argument("--check", action="store_true", help="only report drift; exit 1 if any")
    release.set_defaults(run=_release)

    run = commands.add_parser("execute", help="run notebooks top to bottom and save their outputs")
    run.add_argument("notebooks", nargs="+", help="paths of .ipynb files")
    run.add_argument("--fast", action="store_true", help="fast mode (DLCOURSE_FAST=1)")
    run.set_defaults(run=_execute)
    return main


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (ValueError, FileNotFoundError, RuntimeError) as error:
        print(f"dlcourse {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
