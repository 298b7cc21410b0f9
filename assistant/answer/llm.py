"""The one place that chooses the chat model: ``ASSISTANT_LLM`` is an ``init_chat_model`` spec.

Nothing else in the code knows which provider answers. ``ASSISTANT_LLM_BASE_URL`` and
``ASSISTANT_LLM_API_KEY`` point an OpenAI-style client at any compatible server (llama.cpp's
server, vLLM, LM Studio); ``ASSISTANT_LLM_TIMEOUT`` bounds every call.
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import BaseChatModel

from assistant.errors import ConfigError
from assistant.settings import Settings

# A local server needs no key, but the OpenAI client refuses to start without one.
PLACEHOLDER_KEY = "not-needed"
EXAMPLES = "'ollama:llama3.1' or 'openai:gpt-4o-mini'"
# Answers are a few sentences; the cap stops a model that rambles from running to its context end.
MAX_ANSWER_TOKENS = 600


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model ``settings.llm`` names, or ``None`` when no model is configured.

    Raises ``ConfigError`` for an unknown provider or a missing provider package. Building the
    model does not contact it; a server that is down shows up on the first call.
    """
    spec = (settings.llm or "").strip()
    if not spec:
        return None
    provider, _, model = spec.partition(":")
    if not model:
        raise ConfigError(
            f"ASSISTANT_LLM={spec!r} does not name a provider; write 'provider:model', "
            f"such as {EXAMPLES}"
        )
    from langchain.chat_models import init_chat_model

    try:
        chat = init_chat_model(spec, **_provider_kwargs(provider, settings))
    except ImportError as exc:
        raise ConfigError(
            f"ASSISTANT_LLM={spec!r} needs the LangChain package for provider {provider!r} "
            f"({_first_line(exc)})"
        ) from exc
    except ValueError as exc:
        raise ConfigError(
            f"ASSISTANT_LLM={spec!r}: unknown provider {provider!r} or bad setting; use "
            f"'provider:model' such as {EXAMPLES} ({_first_line(exc)})"
        ) from exc
    except Exception as exc:  # the provider's client refused its settings (e.g. no API key)
        raise ConfigError(f"ASSISTANT_LLM={spec!r} cannot be set up: {_first_line(exc)}") from exc
    if not isinstance(chat, BaseChatModel):  # init_chat_model returns a proxy for no model
        raise ConfigError(f"ASSISTANT_LLM={spec!r} does not name a chat model")
    return chat


def _provider_kwargs(provider: str, settings: Settings) -> dict[str, Any]:
    """Constructor arguments for the provider's chat class (their names differ by provider)."""
    kwargs: dict[str, Any] = {}
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if provider == "ollama":
        client: dict[str, Any] = {"timeout": settings.llm_timeout}
        if settings.llm_api_key:
            client["headers"] = {"Authorization": f"Bearer {settings.llm_api_key}"}
        kwargs["client_kwargs"] = client
        kwargs["num_predict"] = MAX_ANSWER_TOKENS
        return kwargs
    kwargs["timeout"] = settings.llm_timeout
    kwargs["max_retries"] = 1
    kwargs["max_tokens"] = MAX_ANSWER_TOKENS
    if settings.llm_api_key:
        kwargs["api_key"] = settings.llm_api_key
    elif settings.llm_base_url:
        kwargs["api_key"] = PLACEHOLDER_KEY
    return kwargs


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
