"""Test helpers shared by the suite's add-ons (import them as ``odoo.addons.crm_vn_base.tests.common``).

- :func:`slow`: marks a test class that runs separate processes or threads committing for real, a browser, or a
  language load. ``bin/crmvn test -- -m "not slow"`` leaves them out (pytest marker ``slow``), so does
  ``--test-tags /crm_vn_...,-crm_vn_slow`` with Odoo's own runner; ``bin/crmvn test`` (CI) runs everything.
- :func:`committed_env`: an environment on a cursor of its own, committed when the block ends: the data that
  several workers see, and the cleaning up after them.
- :func:`run_in_workers`: the same job run at the same moment by several workers of the server (threads, each with
  its own cursor and transaction), as two requests or two scheduled runs meet in production.
"""

import contextlib
import threading

import odoo
from odoo import SUPERUSER_ID, api

SLOW_TAG = "crm_vn_slow"


def slow(cls):
    """Mark the test class ``cls`` as slow: pytest marker ``slow`` and Odoo test tag ``crm_vn_slow``."""
    cls.test_tags = getattr(cls, "test_tags", set()) | {SLOW_TAG}
    try:
        # Odoo's own runner runs the tests without pytest
        import pytest  # noqa: PLC0415
    except ImportError:
        return cls
    return pytest.mark.slow(cls)


@contextlib.contextmanager
def committed_env(dbname, context=None):
    """An environment (superuser) on a new cursor of ``dbname``, committed at the end of the block (rolled back
    on an error): what it writes is seen by other cursors, and stays until removed."""
    with odoo.sql_db.db_connect(dbname).cursor() as cr:
        yield api.Environment(cr, SUPERUSER_ID, dict(context or {}))


def run_in_workers(dbname, jobs, context=None, timeout=60):
    """Run each of ``jobs`` (functions of an environment) in a worker of its own, all at the same moment.

    Each worker opens its cursor and takes its transaction's snapshot, waits until every worker has, then runs its
    job, flushes and commits, as a request or a scheduled job of the server does; on an exception it rolls back.
    Returns, in the order of ``jobs``, what each job returned, or the name of the exception's class
    (``"SerializationFailure"``, ``"ValidationError"``...). The data the jobs commit is the test's to remove.
    """
    barrier = threading.Barrier(len(jobs), timeout=timeout / 2)
    results = [None] * len(jobs)

    def worker(index, job):
        with odoo.sql_db.db_connect(dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, dict(context or {}))
            cr.execute("SELECT 1")  # the transaction's snapshot starts here, before any worker commits
            barrier.wait()
            try:
                result = job(env)
                env.flush_all()
                cr.commit()  # pylint: disable=invalid-commit
            except Exception as error:  # the caller asserts on the outcome of each worker
                cr.rollback()
                result = type(error).__name__
            results[index] = result

    threads = [threading.Thread(target=worker, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    if any(thread.is_alive() for thread in threads):
        raise AssertionError(f"a worker was still running after {timeout} s")
    return results
