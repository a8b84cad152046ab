"""A typed Python client generated from the served document reads the API over real HTTP.

What a partner does: fetch /api/v3/openapi.json from a running site, generate a client with
openapi-python-client, and use its typed models. Proves the document is usable as published
(names, unions, enums, dates), not just valid.
"""

import datetime
import importlib
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

BIN = Path(sys.executable).parent  # the virtualenv: openapi-python-client and the ruff it runs


def generate_client(base_url: str, directory: Path) -> None:
    document = directory / "openapi.json"
    document.write_bytes(httpx.get(f"{base_url}/api/v3/openapi.json").raise_for_status().content)
    result = subprocess.run(  # noqa: S603 (our own document, the venv's generator)
        [BIN / "openapi-python-client", "generate", "--path", document, "--meta", "none"]
        + ["--output-path", directory / "nytorget_client"],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def generated(live_server, tmp_path, monkeypatch):
    """The generated package's modules, by dotted name under `nytorget_client`."""
    generate_client(live_server.url, tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield lambda name="": importlib.import_module(f"nytorget_client{name and '.' + name}")
    for name in [m for m in sys.modules if m.split(".")[0] == "nytorget_client"]:
        del sys.modules[name]


@pytest.fixture
def api(generated, live_server):
    return generated().Client(base_url=live_server.url, raise_on_unexpected_status=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_client_reads_promises_stories_and_agreements(generated, api, world):
    models = generated("models")

    fulfilled_2021 = generated("api.promises.promises_list").sync(
        client=api, year=2021, status=[models.PromisesListStatusItem.FULFILLED]
    )
    assert isinstance(fulfilled_2021, models.PagedPromiseOut)
    assert fulfilled_2021.count == 1
    (listed,) = fulfilled_2021.items
    assert isinstance(listed, models.PromiseOut)
    assert (listed.title, listed.status) == (
        "Två trygghetsvandringar",
        models.PromiseOutStatus.FULFILLED,
    )
    assert listed.agreement.period_start == datetime.date(2021, 1, 1)

    promise = generated("api.promises.promises_detail").sync(client=api, promise_id=listed.id)
    assert isinstance(promise, models.PromiseDetailOut)
    assert all(isinstance(f, models.FollowUpOut) for f in promise.follow_ups)
    assert [f.date for f in promise.follow_ups] == [
        datetime.date(2021, 6, 1),
        datetime.date(2021, 12, 15),
    ]
    assert [s.title for s in promise.stories] == [world.story.title]

    page_detail = generated("api.pages.pages_detail")
    story = page_detail.sync(client=api, page_id=world.story.pk)
    assert isinstance(story, models.NewsArticlePageSchema)
    assert all(isinstance(p, models.PromiseLinkOut) for p in story.followed_promises)
    assert [(p.id, p.status) for p in story.followed_promises] == [(world.walks.pk, "fulfilled")]

    agreement = page_detail.sync(client=api, page_id=world.agreement.pk)
    assert isinstance(agreement, models.PromisePageSchema)
    assert all(isinstance(p, models.PromiseLinkOut) for p in agreement.promises)
    assert {p.title for p in agreement.promises} == {
        "Två trygghetsvandringar",
        "Information till föräldrar",
    }
    assert agreement.period_end == datetime.date(2021, 12, 31)

    missing = generated("api.promises.promises_detail").sync(client=api, promise_id=99999999)
    assert isinstance(missing, models.ProblemDetail)
    assert missing.status == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_client_reads_every_page_of_the_world(generated, api, world):
    models = generated("models")
    pages = generated("api.pages.pages_list").sync(client=api, limit=50)
    assert pages.count >= 4
    for item in pages.items:
        page = generated("api.pages.pages_detail").sync(client=api, page_id=item.id)
        schema_name = item.meta.type_.split(".")[1] + "Schema"
        assert type(page) is getattr(models, schema_name), (item.meta.type_, type(page))
        assert page.id == item.id
