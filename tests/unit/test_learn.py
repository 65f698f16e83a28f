"""Learn cards: each in turn after sessions, none again until all were seen, the
flare-up card first after a pain rise; all of them on the command line."""

from __future__ import annotations

import json

from backtimer.cli import main
from backtimer.core.learn import CARDS, FLARE, HELP, next_card, text_of


def test_cards_come_in_turn_and_round_again() -> None:
    seen: tuple[str, ...] = ()
    shown = []
    for _ in range(len(CARDS)):
        card, seen = next_card(seen)
        shown.append(card.id)
    assert sorted(shown) == sorted(c.id for c in CARDS)  # each once
    card, seen = next_card(seen)
    assert card.id == CARDS[0].id and seen == (CARDS[0].id,)  # then round again


def test_after_a_pain_rise_the_flare_card_or_when_to_get_help() -> None:
    card, seen = next_card((), pain_rose=True)
    assert card.id == FLARE
    card, seen = next_card(seen, pain_rose=True)
    assert card.id == HELP  # the flare card was just shown
    card, seen = next_card(seen, pain_rose=True)
    assert card.id == FLARE  # both shown lately: the flare card again, never "do more"
    assert next_card(("hurt-not-harm",), pain_rose=True, rose_before=True)[0].id == HELP
    assert next_card(("gone-card", "hurt-not-harm"))[0].id == CARDS[1].id  # unknown ids ignored
    assert CARDS[1].id == HELP  # when to get help comes early in the round


def test_cards_are_short_and_fill_in_keys() -> None:
    for card in CARDS:
        words = len(card.text.split())
        assert 20 <= words <= 70, card.id
        assert "{" not in text_of(card, stop="F1", walk="W")
    assert "F1" in text_of(next(c for c in CARDS if c.id == "seek-help"), stop="F1")


def test_learn_command(capsys, tmp_path) -> None:
    assert main(["learn", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert all(card.title in out for card in CARDS)
    assert main(["learn", "--json", "--data-dir", str(tmp_path)]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [c.id for c in CARDS]
