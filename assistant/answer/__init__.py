"""Answer: a ``Query`` and its ranked passages → an ``Answer`` whose every [n] is a quoted
passage: extractive by default (``extractive``), learned (``learned``), or an LLM's (``generate``).
"""
