"""``dlcourse``: the course's command line for students and instructors.

dlcourse check              the environment report
dlcourse lessons            the lessons of the syllabus and their status
dlcourse lessons --update-readme   rewrite README.md's lesson table
dlcourse release [--check]  regenerate assignments/ from solutions/ (or check it)
dlcourse export canvas|moodle   the gradebook's scores as a CSV file for an LMS
"""

import argparse
import sys


def _check(args):
    from helpers.env import report

    print(report(check_gpu=not args.no_gpu))
    return 0


def _lessons(args):
    from dlcourse import syllabus

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
    from dlcourse import release

    if args.check:
        problems = release.drift(assignments=args.assignments)
        for problem in problems:
            print(problem)
        print(
            "assignments/ has drifted from solutions/."
            if problems
            else "assignments/ is up to date."
        )
        return 1 if problems else 0
    ids = release.release(assignments=args.assignments)
    print(f"Released {', '.join(ids)} into assignments/.")
    return 0


def _execute(args):
    from dlcourse.notebooks import execute

    for path in args.notebooks:
        seconds = execute(path, fast=args.fast)
        print(
            f"{path}: executed in {seconds:.1f} s ({'fast' if args.fast else 'full'} mode), saved."
        )
    return 0


def _bench(args):
    from dlcourse import bench, syllabus

    if args.grading:
        return _bench_grading(args)
    root = syllabus.course_root()
    fast = args.mode == "fast"
    lessons = [x for x in syllabus.ready(root) if not args.lessons or x.number in args.lessons]
    if not lessons:
        raise ValueError("No ready lesson matches; see `dlcourse lessons`.")
    print(f"Measuring {len(lessons)} lesson(s) in {args.mode} mode on {bench.machine()}:")
    for lesson in lessons:
        if bench.has_gpu() and "mnist" in lesson.datasets:  # the lessons that train networks
            cpu, gpu = bench.gpu_speedup(root / lesson.lecture, fast=fast)
            print(
                f"  {lesson.number:02d} on the GPU: {gpu.seconds} s, on the CPU: {cpu.seconds} s, "
                f"speed-up {cpu.seconds / gpu.seconds:.1f}x"
            )
        lecture = bench.measure(root / lesson.lecture, fast=fast)
        solutions = [bench.measure(p) for p in sorted((root / lesson.solution_dir).glob("*.ipynb"))]
        assignment = bench.Measurement(
            round(sum(m.seconds for m in solutions), 1), max(m.peak_mb for m in solutions)
        )
        print(
            f"  {lesson.number:02d} {lesson.title}: lecture {lecture.seconds} s, "
            f"{lecture.peak_mb:.0f} MB; assignment {assignment.seconds} s, "
            f"{assignment.peak_mb:.0f} MB"
        )
        if not fast:
            bench.record(root, lesson.number, bench.runtime_line(lecture, assignment))
    if not fast:
        bench.record_machine(root, bench.machine())
        syllabus.update_readme(root)
        print("Recorded in course/syllabus.yml and README.md.")
    return 0


def _grade(args):
    from dlcourse import grading

    try:
        results = grading.grade(
            args.assignment,
            args.submissions,
            workers=args.workers,
            timeout=args.timeout,
            memory_mb=args.memory,
            only=args.only,
        )
    except grading.GradeError as error:
        raise ValueError(str(error)) from error
    print(grading.summary(results))
    print(
        f"Scores are in course/gradebook.db and course/grades/{args.assignment}.csv; "
        f"feedback in course/feedback/<student>/{args.assignment}/."
    )
    return 0


def _export(args):
    from dlcourse import export, syllabus

    root = syllabus.course_root()
    target = args.output or root / "course" / "grades" / f"{args.lms}.csv"
    gradebook = args.gradebook or root / "course" / "gradebook.db"
    students = export.export(args.lms, gradebook, target, args.assignments, args.missing_as_zero)
    print(f"Wrote {target}: {students} students for {args.lms}.")
    return 0


def _bench_grading(args):
    import io

    from dlcourse import bench

    print(
        f"Grading {args.submissions} submissions of {args.grading} on {bench.machine()}: "
        f"nbgrader autograde (sequential) against dlcourse grade --workers {args.workers} ..."
    )
    sequential, parallel = bench.grading_ratio(
        args.grading, args.submissions, args.workers, stream=io.StringIO()
    )
    each = args.submissions
    print(f"  nbgrader autograde: {sequential:.1f} s ({sequential / each:.2f} s a submission)")
    print(f"  dlcourse grade:     {parallel:.1f} s ({parallel / each:.2f} s a submission)")
    ratio = parallel / sequential
    within = ratio <= bench.GRADING_RATIO
    verdict = "within" if within else "over"
    print(f"  ratio dlcourse / nbgrader: {ratio:.2f} ({verdict} the {bench.GRADING_RATIO} budget)")
    return 0 if within else 1


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

    grade = commands.add_parser("grade", help="autograde submissions in parallel, each isolated")
    grade.add_argument("assignment", help="assignment id, e.g. a01")
    grade.add_argument(
        "submissions", help="folder (nbgrader layout or <student>.ipynb files) or zip"
    )
    grade.add_argument("--workers", type=int, default=None, help="parallel workers (default: CPUs)")
    grade.add_argument("--timeout", type=int, default=300, help="seconds per submission (300)")
    grade.add_argument("--memory", type=int, default=2048, help="MB per submission (2048)")
    grade.add_argument("--only", metavar="STUDENT", help="re-grade this student only")
    grade.set_defaults(run=_grade)

    lms = commands.add_parser("export", help="write the gradebook's scores for Canvas or Moodle")
    lms.add_argument("lms", choices=["canvas", "moodle"], help="the LMS that imports the file")
    lms.add_argument("assignments", nargs="*", help="assignment ids (default: all graded)")
    lms.add_argument("-o", "--output", help="CSV file (default: course/grades/<lms>.csv)")
    lms.add_argument("--gradebook", help="nbgrader gradebook (default: course/gradebook.db)")
    lms.add_argument(
        "--missing-as-zero", action="store_true", help="0 for a missing submission, not empty"
    )
    lms.set_defaults(run=_export)

    measure = commands.add_parser("bench", help="time lectures and solutions, record peak memory")
    measure.add_argument("lessons", nargs="*", type=int, help="lesson numbers (default: all ready)")
    measure.add_argument("--mode", choices=["full", "fast"], default="full")
    measure.add_argument("--grading", metavar="ASSIGNMENT", help="time dlcourse grade instead")
    measure.add_argument("--submissions", type=int, default=20, help="with --grading (20)")
    measure.add_argument("--workers", type=int, default=2, help="with --grading (2)")
    measure.set_defaults(run=_bench)
    return main


#: Where the tools' own dependencies come from: the extras of the course package.
TOOL_EXTRAS = {
    "nbgrader": "lab",
    "nbformat": "lab",
    "nbconvert": "lab",
    "jupyter_client": "lab",
    "tensorflow": "lab",
    "nbclient": "test",
    "psutil": "test",
}


def missing_dependency(command, error):
    """A sentence for a tool whose library is not installed, with the command that installs it."""
    top = (error.name or "").split(".")[0]
    extra = TOOL_EXTRAS.get(top, "lab,test")
    return (
        f"dlcourse {command} needs {top or 'a library'}, which is not installed here. "
        f"Install the instructors' tools with `make install` in the course folder, or "
        f'`pip install -e ".[{extra}]"` there.'
    )


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ModuleNotFoundError as error:
        print(missing_dependency(args.command, error), file=sys.stderr)
        return 2
    except (ValueError, FileNotFoundError, RuntimeError) as error:
        print(f"dlcourse {args.command}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
