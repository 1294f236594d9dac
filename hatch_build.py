"""Build hook: compile the interface translations (.po -> .mo) into the wheel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTranslations(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path(self.root)
        for po_path in (root / "jobmatch" / "web" / "translations").glob("*/LC_MESSAGES/*.po"):
            mo_path = po_path.with_suffix(".mo")
            with po_path.open("rb") as source, mo_path.open("wb") as target:
                write_mo(target, read_po(source))
            if version != "editable":  # an editable install reads the source folder itself
                relative = mo_path.relative_to(root).as_posix()
                build_data["force_include"][str(mo_path)] = relative
