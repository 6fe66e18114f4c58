"""The instructors' tools behind the ``dlcourse`` command.

Students never import this package: notebooks import :mod:`helpers`, and
``helpers`` imports nothing from here (a test checks it).  The tools need the
``lab`` and ``test`` extras (nbgrader, nbclient, psutil); ``dlcourse`` says so
in one sentence when they are missing.

Modules
-------
cli        the ``dlcourse`` command: check, lessons, release, execute, grade, bench, export
syllabus   the lesson list, read from ``course/syllabus.yml``
release    generate ``assignments/`` from ``solutions/`` and check it for drift
notebooks  run a notebook the way the course commits it
bench      run times and memory of every lecture and solution
grading    ``dlcourse grade``: nbgrader's autograder, in parallel, sandboxed
           (a subpackage, one module a step: see its docstring)
export     ``dlcourse export``: the gradebook as the CSV file Canvas or Moodle imports
prefork    kernels forked from a warm process (grading workers)
warmup     what the grading fork server imports once
warmup_tensorflow  and TensorFlow, when the notebooks to grade use it
"""
