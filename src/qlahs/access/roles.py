"""The roles of `roles.yaml`: what each may do, and which permission an action needs."""

from __future__ import annotations

from fnmatch import fnmatchcase
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from qlahs.kernel import yamlio
from qlahs.kernel.errors import RuleDataError

# What recording an action needs when `roles.yaml` does not name it.
DEFAULT_ACTING = "record.procedure"
# Permissions that act in the user's own unit only, whatever the role's reach.
ACTING = frozenset(
    {"record.intake", "record.procedure", "record.assign", "record.number", "audit.sign"}
    | {"record.statistics"}  # a unit's statistician submits that unit's report only
)


class Role(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    permissions: frozenset[str]
    reaches_subordinates: bool = False


class RoleBookData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    permissions: dict[str, str]
    roles: dict[str, Role]
    actions: dict[str, list[str]]
    levels: dict[int, str]


class RoleBook:
    def __init__(self, data: RoleBookData):
        for code, role in data.roles.items():
            unknown = role.permissions - data.permissions.keys()
            if unknown:
                raise RuleDataError(f"roles.yaml: vai trò {code} có quyền lạ {sorted(unknown)}.")
        for permission in data.actions:
            if permission not in data.permissions:
                raise RuleDataError(f"roles.yaml: mục actions có quyền lạ {permission!r}.")
        self.data = data
        self.roles = data.roles
        self.levels = data.levels

    def role(self, code: str) -> Role:
        try:
            return self.roles[code]
        except KeyError:
            known = ", ".join(sorted(self.roles))
            raise RuleDataError(
                f"Trường 'roles': vai trò {code!r} không có; các vai trò: {known}."
            ) from None

    def permission_name(self, permission: str) -> str:
        return self.data.permissions.get(permission, permission)

    def level_name(self, level: int) -> str:
        return self.levels.get(level, str(level))

    def needed_to_record(self, action: str) -> str:
        """The permission recording `action` needs."""
        for permission, patterns in self.data.actions.items():
            if any(fnmatchcase(action, pattern) for pattern in patterns):
                return permission
        return DEFAULT_ACTING


def parse_roles(name: str, text: str) -> RoleBook:
    return RoleBook(yamlio.load_data(RoleBookData, name, text))


@cache
def role_book() -> RoleBook:
    text = resources.files("qlahs.access").joinpath("roles.yaml").read_text("utf-8")
    return parse_roles("roles.yaml", text)
