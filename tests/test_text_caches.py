"""Per-text caches (issue 14, "Lean and fast"): the layout and the checks ask the same label and name texts of every
row more than once; the caches keep a 10,000-row table's texts between those asks (8,192 entries forgot each row
before the checks asked again: a scan longer than an LRU cache misses every time), and keep no long texts."""

from __future__ import annotations

from perfxl import chinese, labels


def test_a_10000_row_tables_labels_stay_cached_between_passes():
    texts = [f"指标名称第{i}行（测试）" for i in range(10_000)]
    for cached, ask in ((labels._normalise, labels.normalise_label), (chinese._simplified, chinese.to_simplified)):
        for text in texts:
            ask(text)
        hits = cached.cache_info().hits
        for text in texts:
            ask(text)
        assert cached.cache_info().hits - hits == len(texts), cached


def test_long_texts_are_not_kept():
    long = "项目绩效目标完成情况说明，" * 40  # a free-form sentence, longer than CACHE_MAX_LEN
    assert len(long) > chinese.CACHE_MAX_LEN
    before = (chinese._simplified.cache_info().currsize, labels._normalise.cache_info().currsize)
    assert chinese.to_simplified(long) == long
    assert labels.normalise_label(long) == labels._normalise.__wrapped__(long)
    assert (chinese._simplified.cache_info().currsize, labels._normalise.cache_info().currsize) == before
