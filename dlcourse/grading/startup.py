"""How a grading process starts: lighter imports, one math thread per worker.

Shared by the three kinds of process grading runs in: the orchestrator
(:func:`~dlcourse.grading.batch.grade`, ``dlcourse release``), the fork server
workers come from (:mod:`dlcourse.warmup` calls :func:`lighter_imports` first),
and the workers themselves.  Importing this module changes nothing; calling
:func:`lighter_imports` does, for the whole process, so only a process that
grades or generates assignments calls it.
"""

import sys

#: Set for a worker's math libraries before they are first imported: one thread each,
#: so that N workers share N cores instead of fighting over them.
ONE_THREAD = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "TF_NUM_INTRAOP_THREADS",
        "TF_NUM_INTEROP_THREADS",
    )
}


def lighter_imports():
    """Import less when nbformat comes in; call it before anything imports nbformat.

    Once nbformat (or jsonschema) is imported, calling it changes nothing.
    """
    # jsonschema 4.24 and later, under nbformat, build some 35 parsers at import time
    # for an "iri" format that no notebook schema uses: a second of start-up for every
    # grading process (python-jsonschema/jsonschema#1428).  Grading does without it;
    # requirements.lock keeps 4.23, which has none, for every other process too.
    sys.modules.setdefault("rfc3987_syntax", None)
