"""Per-text caches (issue 14, "Lean and fast"): the layout and the checks ask the same label texts of every row more
than once; the label cache keeps a 10,000-row table's labels between those asks (8,192 entries forgot each row before
the checks asked again: a scan longer than an LRU cache misses every time), and keeps no long texts. Simplified text
is not cached by `to_simplified` at all (telling it apart costs what a cache look-up does); traditional text is."""

from __future__ import annotations

from perfxl import chinese, labels


def test_a_10000_row_tables_labels_stay_cached_between_passes():
    texts = [f"指标名称第{i}行（测试）" for i in range(10_000)]
    for text in texts:
        labels.normalise_label(text)
    hits = labels._normalise.cache_info().hits
    for text in texts:
        labels.normalise_label(text)
    assert labels._normalise.cache_info().hits - hits == len(texts)


def test_long_texts_are_not_kept():
    long = "项目绩效目标完成情况说明，" * 40  # a free-form sentence, longer than CACHE_MAX_LEN
    assert len(long) > chinese.CACHE_MAX_LEN
    before = labels._normalise.cache_info().currsize
    assert labels.normalise_label(long) == labels._normalise.__wrapped__(long)
    assert labels._normalise.cache_info().currsize == before


def test_simplified_text_is_returned_as_is_uncached():
    before = chinese._converted.cache_info()
    text = "产品合格率"
    assert chinese.to_simplified(text) is text
    assert chinese._converted.cache_info() == before
    if chinese.available():
        assert chinese.to_simplified("產品合格率") == "产品合格率"
        assert chinese._converted.cache_info().currsize == before.currsize + 1
