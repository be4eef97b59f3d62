"""One demo data set shared by a test module: generated once, rolled back at the end."""

import pytest
from django.db import transaction

from apps.demo.generators import run_generators

DEMO_SEED = 7
DEMO_CADRES = 300


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Generating takes a few seconds, so the module's tests read one data set.

    Each test still runs in its own savepoint (the ``db`` fixture) inside this transaction, and
    the whole data set is rolled back when the module is done, so nothing leaks to other tests.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        ctx = run_generators(seed=DEMO_SEED, options={"cadres": DEMO_CADRES})
        yield ctx
        transaction.set_rollback(True)
