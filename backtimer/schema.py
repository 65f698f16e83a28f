"""The rules for the files a person can edit, as pydantic models.

Imported only when a file has to be validated (first use, or after it changed):
pydantic and its validators cost about 170 ms and 12 MB, so the app starts without
them when every file is as it was last time. What a model accepts is turned into the
plain data the rest of backtimer builds its light dataclasses from.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

Kind = Literal["warmup", "stretch", "strength", "mobility"]
Position = Literal[
    "standing", "seated", "supine", "prone", "all-fours", "kneeling", "wall", "chair"
]
BreathWord = Literal["inhale", "exhale", "natural"]

Seconds = Annotated[float, Field(ge=0, le=600)]
Count = Annotated[int, Field(ge=1, le=100)]
Text = Annotated[str, Field(min_length=1, max_length=200)]
SetCount = Annotated[int, Field(ge=1, le=10)]
TimedSeconds = Annotated[float, Field(gt=0, le=1800)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# ---------------------------------------------------------------------- the catalogue


class TempoModel(Strict):
    into_s: Annotated[float, Field(ge=0, le=30)]
    return_s: Annotated[float, Field(ge=0, le=30)]
    words: tuple[str, str, str] = ("move", "hold", "return")


class BreathModel(Strict):
    into: BreathWord
    hold: BreathWord = "natural"
    return_: BreathWord = Field(alias="return")


def _check_range(name: str, value: float | None, bounds: tuple[float, float] | None) -> None:
    if bounds is None:
        return
    lo, hi = bounds
    if lo > hi:
        raise ValueError(f"{name}_range [{lo:g}, {hi:g}] runs backwards")
    if value is not None and not lo <= value <= hi:
        raise ValueError(f"{name} = {value:g} lies outside {name}_range [{lo:g}, {hi:g}]")


class ExerciseModel(Strict):
    id: Id
    name: Text
    aliases: list[Text] = []
    kind: Kind
    position: Position
    level: Annotated[int, Field(ge=1, le=3)] = 1
    why: Text
    targets: Annotated[list[Text], Field(min_length=1)]
    steps: Annotated[list[Text], Field(min_length=1, max_length=8)]
    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount = 1
    per_side: bool = False
    sides: tuple[Text, Text] = ("left", "right")
    alternate: bool = False
    time_s: TimedSeconds | None = None
    tempo: TempoModel | None = None
    breath: BreathModel | None = None
    breath_note: Text | None = None
    care: Text | None = None
    hold_range: tuple[Seconds, Seconds] | None = None
    reps_range: tuple[Count, Count] | None = None
    sets_range: tuple[SetCount, SetCount] | None = None
    time_range: tuple[TimedSeconds, TimedSeconds] | None = None

    @model_validator(mode="after")
    def _one_kind_of_dose(self) -> ExerciseModel:
        if self.reps is not None:
            if self.time_s is not None:
                raise ValueError("give either reps or time_s, not both")
            if self.tempo is None:
                raise ValueError("a move with reps needs a tempo (into_s, return_s)")
            if self.tempo.into_s + (self.hold_s or 0) + self.tempo.return_s <= 0:
                raise ValueError("a rep must take some time: tempo and hold_s are all 0")
        elif self.time_s is not None:
            if self.hold_s is not None:
                raise ValueError("give either hold_s or time_s, not both")
        elif not self.hold_s:
            raise ValueError("needs a dosage: hold_s, reps (with tempo) or time_s")
        if self.breath is not None and self.reps is None:
            raise ValueError("breath cues follow the tempo, so they need reps")
        if self.alternate and not (self.per_side and self.reps is not None):
            raise ValueError("alternate needs per_side = true and reps")
        _check_range("hold_s", self.hold_s, self.hold_range)
        _check_range("reps", self.reps, self.reps_range)
        _check_range("sets", self.sets, self.sets_range)
        _check_range("time_s", self.time_s, self.time_range)
        return self


class RoutineItemModel(Strict):
    id: str
    hold_s: Seconds | None = None
    reps: Count | None = None
    sets: SetCount | None = None
    time_s: TimedSeconds | None = None


class RoutineModel(Strict):
    id: Id
    name: Text
    description: str = ""
    warmup: list[str | RoutineItemModel] = []
    exercises: Annotated[list[str | RoutineItemModel], Field(min_length=1)]


class CatalogModel(Strict):
    schema_: int = Field(1, alias="schema", ge=1, le=1)
    exercise: Annotated[list[ExerciseModel], Field(min_length=1)]
    routine: list[RoutineModel] = []


class RoutinesModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    routine: list[RoutineModel] = []


# ---------------------------------------------------------------------- settings


class SettingsModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weekly_goal: Annotated[int, Field(ge=1, le=7)] = 3
    get_ready_s: Annotated[int, Field(ge=0, le=30)] = 5
    rest_s: Annotated[int, Field(ge=0, le=120)] = 10
    set_rest_s: Annotated[int, Field(ge=0, le=180)] = 15
    breath_in_s: Annotated[float, Field(ge=2, le=10)] = 4.0
    breath_out_s: Annotated[float, Field(ge=2, le=12)] = 6.0
    bell: bool = True
    pain_check: bool = True
    theme: Annotated[str, Field(min_length=1, max_length=40)] = "textual-dark"
    keymap: dict[str, str] = {}
    excluded: list[str] = []
    safety_acknowledged: bool = False


def plain(model: BaseModel) -> dict[str, Any]:
    """The model as plain data (dicts, lists, tuples, numbers, strings), as the cache
    stores it and the dataclasses are built from."""
    return model.model_dump()


# ---------------------------------------------------------------------- the session log

Status = Literal["done", "skipped", "partial", "stopped_for_pain"]
Pain = Annotated[int, Field(ge=0, le=10)]


class ExerciseRowModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, Field(min_length=1)]
    status: Status
    active_s: Annotated[float, Field(ge=0)]
    sides: list[str] = []


class SessionModel(BaseModel):
    """What a [[session]] block may hold: validates hand-edited files strictly."""

    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, Field(min_length=1)]
    started_at: AwareDatetime
    ended_at: AwareDatetime
    active_s: Annotated[float, Field(ge=0)]
    paused_s: Annotated[float, Field(ge=0)] = 0.0
    routine: str
    planned_minutes: Annotated[float, Field(ge=0)]
    planned_s: Annotated[float, Field(ge=0)]
    completed: bool
    ended_early: bool = False
    pain_before: Pain | None = None
    pain_after: Pain | None = None
    exercises: list[ExerciseRowModel] = []


class LogHeaderModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_: int = Field(alias="schema")
