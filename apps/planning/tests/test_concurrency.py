"""Quota limits hold when two admins move places at the same time (row locks, PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from apps.planning import services
from apps.planning.models import Quota, QuotaMove

from .factories import form, make_plan

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_concurrent_moves_cannot_give_away_more_than_the_quota(
    reference_data, steering_admin, ministry, ministry_unit, other_agency
):
    plan = make_plan(
        year=2027,
        by=steering_admin,
        status="approved",
        capacity={"SHORT": 40},
        quotas={(ministry, "SHORT"): 6},
    )
    short = form("SHORT")
    barrier = threading.Barrier(2)
    outcomes = []

    def move(target):
        try:
            barrier.wait()
            services.quota_move(
                actor=steering_admin,
                plan=plan,
                form=short,
                from_agency=ministry,
                to_agency=target,
                places=4,
                reason="đồng thời",
            )
            outcomes.append("moved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=move, args=(a,)) for a in (ministry_unit, other_agency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["moved", "refused"]
    assert Quota.objects.get(agency=ministry).places == 2
    assert sum(Quota.objects.values_list("places", flat=True)) == 6
    assert QuotaMove.objects.count() == 1
