"""issue 14, session 23 (perf23d): a direction read from a listed word is one immutable value per word and profile.

`infer_direction` answers a row without an operator from the profile's word lists (name, unclear, group, unit); the
`Direction` of each word met is built once and kept with the profile's lists (≈ 2 k instructions a frozen dataclass
built a row). The tests hold the kept value to the one the lists give, for each source, and to the word it names.
"""

from __future__ import annotations

from perfxl.profiles import load_profile
from perfxl.rules.direction import Direction, infer_direction
from perfxl.values import GE, LE, Op, parse_value


def _infer(name: str, target: str = "90", group: str = ""):
    return infer_direction(name, parse_value(target), None, load_profile(None), group=group)


def test_a_listed_name_word_gives_its_direction_once():
    first, again = _infer("安全事故发生率"), _infer("火灾发生率")
    assert first == Direction(LE, "name", "发生率")
    assert again is first  # one value for the word, whichever row names it
    higher = _infer("设备合格率")
    assert higher == Direction(GE, "name", "合格率") and higher is not first
    assert _infer("产品合格率") is higher


def test_the_other_listed_sources_keep_their_words():
    default = Op[str(load_profile(None).get("scoring.default_op", "GE"))]
    unclear = _infer("资金使用比例")  # "比例": a word of `direction.ambiguous`, in neither head list
    assert unclear == Direction(default, "unclear", "比例")
    assert _infer("项目资金比例") is unclear
    ceiling = _infer("人均支出", group="成本指标 经济成本指标")
    assert ceiling == Direction(LE, "group", "成本指标")
    assert _infer("培训场次", group="成本指标 社会成本指标") is ceiling
    timed = _infer("培训课程", target="5工作日")
    assert timed == Direction(default, "unit", "工作日")
    assert _infer("送教服务", target="3工作日") is timed
