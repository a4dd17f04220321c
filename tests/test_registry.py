from __future__ import annotations

import pickle

import attrs
import pytest

from diplomev import Article, Document, Pipeline
from diplomev.errors import DropDocument, ExtractionError, RegistryError
from diplomev.registry import Registry


class Shout:
    """Upper-case the article text (a test extractor)."""

    name = "shout"

    def __call__(self, doc: Document) -> Document:
        return attrs.evolve(doc, article=attrs.evolve(doc.article, text=doc.article.text.upper()))


def boom(doc: Document) -> Document:
    raise ValueError("bad input")


def drop(doc: Document) -> Document:
    raise DropDocument


class TestRegistry:
    def test_register_and_get(self) -> None:
        """A registered factory is returned by name."""
        reg: Registry[type[Shout]] = Registry("test.group")
        reg.register("shout")(Shout)
        assert reg.get("shout") is Shout
        assert "shout" in reg.names()

    def test_unknown_name_lists_the_available_ones(self) -> None:
        """Looking up an unknown name raises RegistryError listing what exists."""
        reg: Registry[type[Shout]] = Registry("test.group")
        reg.register("shout")(Shout)
        with pytest.raises(RegistryError, match="available: shout") as info:
            reg.get("whisper")
        assert info.value.available == ("shout",)

    def test_duplicate_name_names_both_providers(self) -> None:
        """Registering a second factory under a taken name is an error naming both."""
        reg: Registry[object] = Registry("test.group")
        reg.register("x", provider="pkg-a")(Shout)
        with pytest.raises(RegistryError, match="pkg-a.*pkg-b"):
            reg.register("x", provider="pkg-b")(lambda: None)

    def test_not_callable_is_rejected(self) -> None:
        """A plug-in that is not callable is refused."""
        reg: Registry[object] = Registry("test.group")
        with pytest.raises(RegistryError, match="not callable"):
            reg.register("x")(42)  # type: ignore[arg-type]


class TestPipeline:
    def test_runs_steps_in_order(self) -> None:
        """Steps run in order over the document."""
        doc = Pipeline([Shout()]).run(Article(id="a", text="hi"))
        assert doc is not None
        assert doc.text == "HI"

    def test_failing_step_is_wrapped_with_step_and_doc(self) -> None:
        """A step that raises becomes ExtractionError naming the step and the article."""
        with pytest.raises(ExtractionError) as info:
            Pipeline([boom]).run(Article(id="doc-7", text="x"))
        assert (info.value.step, info.value.doc_id) == ("boom", "doc-7")
        assert isinstance(info.value.__cause__, ValueError)

    def test_drop_document_skips(self) -> None:
        """A step raising DropDocument makes run return None and pipe skip the document."""
        pipe = Pipeline([drop])
        assert pipe.run("text") is None
        assert list(pipe.pipe(["a", "b"])) == []

    def test_pipeline_pickles(self) -> None:
        """A pipeline can be shipped to worker processes."""
        pipe = pickle.loads(pickle.dumps(Pipeline([Shout()])))
        assert pipe.names == ("shout",)


class TestCollector:
    def test_collector_paused_during_steps_and_restored(self) -> None:
        """Steps run with the cyclic collector paused; its state is restored after, even after an error."""
        import gc

        seen: list[bool] = []

        def look(doc: Document) -> Document:
            seen.append(gc.isenabled())
            return doc

        assert gc.isenabled()
        Pipeline([look]).run("text")
        with pytest.raises(ExtractionError):
            Pipeline([look, boom]).run("text")
        assert seen == [False, False]
        assert gc.isenabled()

    def test_a_caller_who_switched_the_collector_off_keeps_it_off(self) -> None:
        """If the caller disabled the collector, the pipeline does not switch it on."""
        import gc

        gc.disable()
        try:
            Pipeline([Shout()]).run("text")
            assert not gc.isenabled()
        finally:
            gc.enable()
