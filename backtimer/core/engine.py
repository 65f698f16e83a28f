"""The live session: a pure state machine over an injected clock.

Every method takes ``now`` (monotonic seconds). Remaining time is always
``deadline - now``; ticks only move the session across deadlines, so a late or
missed tick never adds or loses time.

Long gaps: if more than ``SessionConfig.long_gap_s`` (5 s) pass between two ticks
while running, the machine slept or the process was stopped. The session is paused
at the last moment it was seen running, so the person resumes where they were
instead of finding half the routine gone. The app ticks about ten times a second,
so 5 s is fifty missed ticks: far beyond any event-loop hiccup, and short enough
that little happens unseen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from backtimer.core.dose import Dose
from backtimer.core.moment import NATURAL, paced_breath, rep_breath, rep_moment
from backtimer.core.routine import Step
from backtimer.core.settings import SessionConfig
from backtimer.core.timeline import Segment, build_timeline
from backtimer.core.vocab import BreathWord, Phase, RestKind, SegmentKind, Status, TempoPhase

PauseReason = Literal["user", "gap", "pain"]
EventKind = Literal[
    "segment_start",
    "halfway",
    "countdown",
    "switch_sides",
    "exercise_done",
    "session_done",
    "paused",
    "resumed",
]

COUNTDOWN_FROM = 3
#: Pressing back this soon after an exercise's first segment starts goes to the previous one.
BACK_GRACE_S = 2.0
#: A move counts as partly done from this many seconds of work: a move skipped a moment
#: after "go", or a session closed seconds in, did nothing worth logging.
PARTIAL_FROM_S = 3.0


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: float
    exercise: int
    segment: int
    value: int | None = None


@dataclass(frozen=True)
class State:
    """Everything the interface needs to draw one moment of the session."""

    phase: Phase
    phase_index: int  # 1-based within the phase: "warm-up 2 of 3"
    phase_count: int
    exercise_index: int  # 0-based within the whole session
    exercise_count: int
    step: Step
    next_step: Step | None
    segment: SegmentKind
    rest_kind: RestKind | None
    remaining: float
    total: float
    rep: int | None
    reps: int | None
    tempo_phase: TempoPhase | None
    tempo_word: str | None
    side: str | None
    set_no: int
    sets: int
    breath: BreathWord
    breath_progress: float
    #: Length of the current in- or out-breath (0 when breathing naturally).
    breath_span: float
    #: Seconds until the tempo phase or the breath turns (inf when nothing turns).
    phase_remaining: float
    instruction: int
    session_remaining: float
    session_total: float
    paused: bool
    pause_reason: PauseReason | None
    finished: bool

    @property
    def elapsed(self) -> float:
        return self.total - self.remaining


@dataclass(frozen=True)
class ExerciseRecord:
    id: str
    name: str
    phase: Phase
    status: Status
    active_s: float
    sides_done: tuple[str, ...]
    dose: Dose


@dataclass(frozen=True)
class SessionRecord:
    started_at: datetime
    ended_at: datetime
    active_s: float
    paused_s: float
    planned_s: float
    #: Ran to the end with nothing skipped (a stop for pain still counts).
    completed: bool
    #: The person ended it before the end (q, a closed terminal, SIGTERM).
    ended_early: bool
    exercises: tuple[ExerciseRecord, ...]


@dataclass
class _Progress:
    active_s: float = 0.0
    completed: set[int] = field(default_factory=set)
    pain: bool = False


@dataclass
class _Cursor:
    """Where the session is: the segment, when it started (moved on by pauses), the
    last moment seen running, time added with +, and the cues already sounded."""

    index: int
    start: float
    seen: float
    extra: float = 0.0
    emitted: set[str] = field(default_factory=set)


class Session:
    def __init__(
        self,
        steps: Sequence[Step],
        now: float,
        started_wall: datetime,
        config: SessionConfig | None = None,
    ) -> None:
        if not steps:
            raise ValueError("a session needs at least one exercise")
        self.steps = list(steps)
        self.config = config or SessionConfig()
        self.timeline: list[Segment] = build_timeline(self.steps, self.config)
        if not self.timeline:
            raise ValueError("the routine has no time in it")
        self.planned_s = sum(s.duration for s in self.timeline)
        # fixed for the whole session, so worked out once instead of on every tick:
        # the time left after each segment, and each exercise's place in its phase
        #: Steps left out for the rest of the session after a move hurt, by the step
        #: that hurt; skipped as the session goes, recorded as skipped.
        self._left_out: dict[int, frozenset[int]] = {}
        self._after = [0.0] * len(self.timeline)
        self._count_after()
        self._phase_place: list[tuple[int, int]] = []
        for i, step in enumerate(self.steps):
            same = [n for n, s in enumerate(self.steps) if s.phase == step.phase]
            self._phase_place.append((same.index(i) + 1, len(same)))
        self._first: dict[int, int] = {}
        for n, seg in enumerate(self.timeline):
            self._first.setdefault(seg.exercise, n)
        self._work = [
            [n for n, seg in enumerate(self.timeline) if seg.exercise == i and seg.kind == "work"]
            for i in range(len(self.steps))
        ]
        self._started = now
        self._started_wall = started_wall
        self._progress = [_Progress() for _ in self.steps]
        self._events: list[Event] = []
        self._paused_at: float | None = None
        self._pause_reason: PauseReason | None = None
        self._paused_total = 0.0
        self._finished_at: float | None = None
        self._completed_run = False
        self._at = _Cursor(0, now, now)
        self._enter(0, now)

    def _count_after(self) -> None:
        """The time left after each segment, without the steps left out."""
        out = self.left_out()
        for n in range(len(self.timeline) - 2, -1, -1):
            following = self.timeline[n + 1]
            own = 0.0 if following.exercise in out else following.duration
            self._after[n] = self._after[n + 1] + own

    def left_out(self) -> frozenset[int]:
        """The steps left out for the rest of this session (after a move hurt)."""
        return frozenset().union(*self._left_out.values()) if self._left_out else frozenset()

    def _onward(self, index: int) -> int:
        """``index``, or the first segment after it of a step not left out."""
        out = self.left_out()
        while index < len(self.timeline) and self.timeline[index].exercise in out:
            index = self._first.get(self.timeline[index].exercise + 1, len(self.timeline))
        return index

    # ------------------------------------------------------------------ time

    @property
    def finished(self) -> bool:
        return self._finished_at is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _segment(self) -> Segment:
        return self.timeline[self._at.index]

    def _deadline(self) -> float:
        return self._at.start + self._segment().duration + self._at.extra

    def tick(self, now: float) -> list[Event]:
        """Move the session to ``now`` and return the events that happened since the last call."""
        self._advance(now)
        events, self._events = self._events, []
        return events

    def _advance(self, now: float) -> None:
        if self.finished or self.paused or now < self._at.seen:
            return
        if now - self._at.seen > self.config.long_gap_s:
            self._pause(self._at.seen, "gap")
            return
        while not self.finished:
            end = self._deadline()
            until = min(now, end)
            self._credit(until)
            self._thresholds(until)
            if now < end:
                break
            self._complete_segment(end)
        if not self.finished:
            self._at.seen = now

    def _credit(self, until: float) -> None:
        """Count active work time between the last seen moment and ``until``."""
        seg = self._segment()
        if seg.kind == "work" and until > self._at.seen:
            self._progress[seg.exercise].active_s += until - self._at.seen
        self._at.seen = max(self._at.seen, until)

    def _thresholds(self, until: float) -> None:
        seg = self._segment()
        total = seg.duration + self._at.extra
        if total < COUNTDOWN_FROM + 1:
            return
        marks: list[tuple[str, float, EventKind, int | None]] = []
        if seg.kind == "work" and self.steps[seg.exercise].exercise.mode != "reps":
            marks.append(("halfway", self._at.start + total / 2, "halfway", None))
        end = self._at.start + total
        for n in range(COUNTDOWN_FROM, 0, -1):
            marks.append((f"count{n}", end - n, "countdown", n))
        for key, at, kind, value in marks:
            if key not in self._at.emitted and at <= until:
                self._at.emitted.add(key)
                self._emit(kind, at, value)

    def _complete_segment(self, end: float) -> None:
        seg = self._segment()
        if seg.kind == "work":
            self._progress[seg.exercise].completed.add(self._at.index)
        if seg.kind == "work" and self._at.index == self._work[seg.exercise][-1]:
            self._emit("exercise_done", end)
        nxt = self._onward(self._at.index + 1)
        if nxt >= len(self.timeline):
            self._completed_run = True
            self._finish(end)
        else:
            self._enter(nxt, end)

    def _enter(self, index: int, at: float) -> None:
        self._at = _Cursor(index, at, at)
        self._emit("segment_start", at)
        if self._segment().kind == "switch":
            self._emit("switch_sides", at)

    def _finish(self, at: float) -> None:
        if self._paused_at is not None:
            self._paused_total += max(0.0, at - self._paused_at)
            self._paused_at = None
        self._finished_at = at
        # value 1: the session ran to its end; 0: it was ended early
        self._emit("session_done", at, 1 if self._completed_run else 0)

    def _emit(self, kind: EventKind, at: float, value: int | None = None) -> None:
        seg = self._segment()
        self._events.append(Event(kind, at, seg.exercise, self._at.index, value))

    # ------------------------------------------------------------------ controls

    def _pause(self, at: float, reason: PauseReason) -> None:
        self._paused_at = at
        self._pause_reason = reason
        self._emit("paused", at)

    def pause(self, now: float) -> None:
        self._advance(now)
        if not self.finished and not self.paused:
            self._pause(now, "user")

    def resume(self, now: float) -> None:
        if self._paused_at is None or self.finished:
            return
        gap = max(0.0, now - self._paused_at)
        self._paused_total += gap
        self._at.start += gap
        self._at.seen = now
        self._paused_at = None
        self._pause_reason = None
        self._emit("resumed", now)

    def toggle_pause(self, now: float) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def _jump(self, index: int, now: float) -> None:
        """Go to segment ``index`` (or finish past the end), keeping a pause in place."""
        at = self._paused_at if self._paused_at is not None else now
        if index >= len(self.timeline):
            self._finish(now)
            return
        self._enter(index, at)

    def _current(self) -> int:
        return self._segment().exercise

    def next(self, now: float) -> None:
        """Skip the rest of this exercise; it is recorded as skipped or partial."""
        self._advance(now)
        if self.finished:
            return
        following = self._current() + 1
        self._jump(self._onward(self._first.get(following, len(self.timeline))), now)

    def back(self, now: float) -> None:
        """Restart this exercise, or go to the previous one when at its start."""
        self._advance(now)
        if self.finished:
            return
        i = self._current()
        first = self._first[i]
        at = self._paused_at if self._paused_at is not None else now
        at_start = self._at.index == first and (
            self.timeline[first].kind == "ready" or at - self._at.start < BACK_GRACE_S
        )
        earlier = [j for j in range(i) if j not in self.left_out()]
        target = self._first[earlier[-1]] if at_start and earlier else first
        self._jump(target, now)

    def extend(self, now: float, seconds: float | None = None) -> bool:
        """Add time to the current hold, timed move or rest. Returns whether it applied."""
        self._advance(now)
        if self.finished:
            return False
        seg = self._segment()
        mode = self.steps[seg.exercise].exercise.mode
        if seg.kind == "rest" or (seg.kind == "work" and mode != "reps"):
            self._at.extra += self.config.extend_s if seconds is None else seconds
            # the countdown moves with the deadline, so it sounds again at the new end
            self._at.emitted = {key for key in self._at.emitted if not key.startswith("count")}
            return True
        return False

    def hurt(self, now: float) -> list[Step]:
        """Stop this exercise for pain; leave out, for the rest of the session, the
        steps still to come that bend or load the spine the same way (or repeat it);
        move to the next step left and pause there. Returns the steps left out."""
        self._advance(now)
        if self.finished:
            return []
        i = self._current()
        self._progress[i].pain = True
        hurt = self.steps[i].exercise
        ways = set(hurt.direction) - {"neutral"}
        self._left_out[i] = frozenset(
            j
            for j in range(i + 1, len(self.steps))
            if self.steps[j].exercise.id == hurt.id or ways & set(self.steps[j].exercise.direction)
        )
        self._count_after()
        if not self.paused:
            self._pause(now, "pain")
        else:
            self._pause_reason = "pain"
        self._jump(self._onward(self._first.get(i + 1, len(self.timeline))), now)
        return [self.steps[j] for j in sorted(self._left_out[i])]

    def undo_hurt(self, now: float) -> bool:
        """A mistaken "this hurts": the last move stopped for pain is not, the moves left
        out with it are back, and the session goes back to that move (still paused)."""
        if self.finished or not self._left_out:
            return False
        i = max(self._left_out)
        del self._left_out[i]
        self._progress[i].pain = False
        self._count_after()
        self._jump(self._first[i], now)
        return True

    def end(self, now: float) -> None:
        """End the session early."""
        self._advance(now)
        if not self.finished:
            self._finish(now)

    # ------------------------------------------------------------------ reading

    def _moment(self, now: float) -> float:
        """The instant the session shows: now, or where it paused or finished."""
        if self._finished_at is not None:
            return self._finished_at
        return self._paused_at if self._paused_at is not None else now

    def state(self, now: float) -> State:
        self._advance(now)
        seg = self._segment()
        step = self.steps[seg.exercise]
        exercise = step.exercise
        total = seg.duration + self._at.extra
        elapsed = min(max(0.0, self._moment(now) - self._at.start), total)
        remaining = 0.0 if self.finished else total - elapsed
        phase_index, phase_count = self._phase_place[seg.exercise]

        side = exercise.sides[seg.side] if seg.side is not None else None
        moment = rep_moment(step, elapsed) if seg.kind == "work" else None
        breath = NATURAL
        turn_in = math.inf
        if moment is not None:
            if moment.side is not None:
                side = exercise.sides[moment.side]
            breath = rep_breath(step, moment)
            turn_in = moment.turn_in
        elif total >= self.config.paced_breath_min_s and (
            seg.kind == "rest" or (seg.kind == "work" and exercise.mode == "hold")
        ):
            breath = paced_breath(elapsed, self.config.breath_in_s, self.config.breath_out_s)
            turn_in = breath.turn_in
        phase = moment.phase if moment is not None else None
        tempo = exercise.tempo

        out = self.left_out()
        nxt = next((s for j, s in enumerate(self.steps) if j > seg.exercise and j not in out), None)
        return State(
            phase=step.phase,
            phase_index=phase_index,
            phase_count=phase_count,
            exercise_index=seg.exercise,
            exercise_count=len(self.steps),
            step=step,
            next_step=nxt,
            segment=seg.kind,
            rest_kind=seg.rest_kind,
            remaining=remaining,
            total=total,
            rep=moment.rep if moment is not None else None,
            reps=moment.reps if moment is not None else None,
            tempo_phase=phase,
            tempo_word=(tempo.word(phase) or None) if tempo and phase else None,
            side=side,
            set_no=seg.set_no,
            sets=step.sets,
            breath=breath.word,
            breath_progress=breath.progress,
            breath_span=breath.span,
            phase_remaining=turn_in,
            instruction=exercise.instruction(phase) if seg.kind == "work" else 0,
            session_remaining=0.0 if self.finished else remaining + self._after[self._at.index],
            session_total=self.planned_s,
            paused=self.paused,
            pause_reason=self._pause_reason if self.paused else None,
            finished=self.finished,
        )

    def status(self, i: int) -> Status:
        progress = self._progress[i]
        if progress.pain:
            return "stopped_for_pain"
        if progress.completed >= set(self._work[i]):
            return "done"
        return "partial" if progress.active_s >= PARTIAL_FROM_S else "skipped"

    def _sides_done(self, i: int) -> tuple[str, ...]:
        exercise = self.steps[i].exercise
        if not exercise.per_side:
            return ()
        done = self._progress[i].completed
        if exercise.alternate:
            return exercise.sides if done else ()
        return tuple(
            name
            for n, name in enumerate(exercise.sides)
            if any(self.timeline[k].side == n for k in done)
        )

    def record(self, now: float) -> SessionRecord:
        """What happened, for the log. Ends the session first if it is still going."""
        self.end(now)
        ended = self._finished_at if self._finished_at is not None else now
        wall_elapsed = ended - self._started
        exercises = tuple(
            ExerciseRecord(
                id=step.exercise.id,
                name=step.exercise.name,
                phase=step.phase,
                status=self.status(i),
                active_s=round(self._progress[i].active_s, 3),
                sides_done=self._sides_done(i),
                dose=step.dose,
            )
            for i, step in enumerate(self.steps)
        )
        completed = self._completed_run and all(
            e.status in ("done", "stopped_for_pain") for e in exercises
        )
        return SessionRecord(
            started_at=self._started_wall,
            ended_at=self._started_wall + timedelta(seconds=wall_elapsed),
            active_s=round(wall_elapsed - self._paused_total, 3),
            paused_s=round(self._paused_total, 3),
            planned_s=self.planned_s,
            completed=completed,
            ended_early=not self._completed_run,
            exercises=exercises,
        )
