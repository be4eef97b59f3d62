"""Who may do what is said once, in each app's ``permissions.py`` (DECISIONS.md §26): no other
module or template names a role, and workflow steps name a permission of the policy."""

import re
from pathlib import Path

import pytest
import rules
from django.conf import settings

from apps.core import workflow
from apps.core.workflow import Step

ROOT = Path(settings.BASE_DIR)
#: Where roles are defined (core), combined (the policies) or given to demo users.
ALLOWED = {
    "apps/core/roles.py",
    "apps/core/rules.py",
    "apps/core/models.py",
}
ROLE_LITERAL = re.compile(
    r"\bRole\.[A-Z_]+|\bREAD_ALL_ROLES\b|\.role\s*(==|!=|\bin\b|\bnot in\b)"
    r"|\brole\s*(==|!=)\s*['\"]|['\"](steering_admin|agency_officer|finance_officer|auditor"
    r"|participant)['\"]"
)


def _sources():
    for path in sorted((ROOT / "apps").rglob("*")):
        relative = path.relative_to(ROOT).as_posix()
        if path.suffix not in {".py", ".html"} or "/tests/" in relative:
            continue
        if "/migrations/" in relative or relative.startswith("apps/demo/"):
            continue
        if path.name == "permissions.py" or relative in ALLOWED:
            continue
        yield relative, path.read_text(encoding="utf-8")


def test_no_module_outside_the_policies_names_a_role():
    found = [
        f"{relative}:{number}: {line.strip()}"
        for relative, text in _sources()
        for number, line in enumerate(text.splitlines(), start=1)
        if ROLE_LITERAL.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("label", sorted(workflow._workflows))
def test_every_workflow_step_names_a_permission_of_its_apps_policy(label):
    app = label.split(".")[0]
    for step in workflow._workflows[label].steps:
        assert step.perm.startswith(f"{app}."), step
        assert rules.perm_exists(step.perm), step


def test_a_step_naming_roles_is_refused():
    with pytest.raises(TypeError, match="permission name"):
        Step("draft", "submitted", frozenset({"steering_admin"}))
