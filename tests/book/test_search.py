"""The Korean search separator, run with Python's re exactly as the browser runs it."""

import re

import pytest

from book.search import korean_separator, segment


@pytest.mark.parametrize("text, tokens", [
    ("허브를", ["허브"]),
    ("허브", ["허브"]),
    ("임베딩을", ["임베딩"]),
    ("HuggingFace에서", ["huggingface"]),
    ("LLM을", ["llm"]),
    ("GPT-4는", ["gpt", "4"]),
    ("GPT-4.5를 huggingface.co에서", ["gpt", "4", "5", "huggingface", "co"]),
    ("노코드는", ["노코드"]),
    ("프레임워크와", ["프레임워크"]),
    ("에이전트에게", ["에이전트"]),
    ("책에서", ["책"]),  # a two-syllable particle after a one-syllable noun
    ("허브까지", ["허브"]),
    ("모델이라는", ["모델"]),
    ("에이전트에서는", ["에이전트"]),
    ("모델 허브와 인프라", ["모델", "허브", "인프라"]),
    ("(HuggingFace), 모델을.", ["huggingface", "모델"]),
    ("이 장은 가", ["이", "장은", "가"]),  # one-syllable words keep their last syllable
])
def test_words_with_particles_split_into_stem_and_particle(text, tokens):
    assert segment(text) == tokens


@pytest.mark.parametrize("word", ["사이", "아이", "가구", "하나", "결과", "효과", "평가", "도로", "정의", "나무", "인프라"])
def test_words_that_merely_end_like_a_particle_keep_their_syllables(word):
    assert segment(word) == [word]


@pytest.mark.parametrize("noun, particle", [("허브", "를"), ("모델", "이"), ("노코드", "는"), ("임베딩", "으로")])
def test_query_and_text_split_alike_so_the_stem_is_found(noun, particle):
    text_tokens = segment(f"이 장은 {noun}{particle} 다룹니다")
    assert segment(noun + particle) == [noun] and noun in text_tokens


def test_separator_is_one_expression_without_python_only_syntax():
    pattern = korean_separator()
    re.compile(pattern)
    assert "(?P<" not in pattern and "(?<=" in pattern  # JavaScript reads it too
    assert "\\p{" not in pattern
