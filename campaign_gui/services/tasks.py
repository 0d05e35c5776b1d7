"""Named asyncio tasks owned by a service: cancelled together, failures logged, never lost."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)


class TaskOwner:
    """Keeps strong references to the tasks a service starts and cancels them on demand."""

    def __init__(self, owner: str) -> None:
        self._owner = owner
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        loop = asyncio.get_event_loop()
        task = loop.create_task(coro, name=f"{self._owner}:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:  # the coroutine should have handled it; make it visible anyway
            loop = task.get_loop()
            loop.call_exception_handler({"message": f"task {task.get_name()} failed", "exception": exc,
                                         "task": task})

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    @property
    def running(self) -> int:
        return len(self._tasks)
