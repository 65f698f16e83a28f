"""An Input whose own editing keys keep their place among the typed characters.

Textual 8.2 inserts a printable key in ``Input._on_key`` but runs a bound key
(Backspace, Delete, the arrows) only after the key event has bubbled to the app, so
"5", Backspace, "3" arriving in one read become "53" and then "5": the Backspace
deletes the 3. That is Textual issue #6605 (fix proposed in pull request #6631). Until
it lands, this runs the Input's own bindings inline, in order.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TypedInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        own = self._bindings.key_to_bindings.get(event.key)
        if own:
            event.stop()
            event.prevent_default()
            await self.run_action(own[0].action)
            return
        await super()._on_key(event)
