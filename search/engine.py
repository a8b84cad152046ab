"""Site search over news, information pages and promises, grouped by type.

PostgreSQL's `swedish` configuration stems words ("löften" -> "löft" matches "löfte", "polisen"
matches "polis"), but stemming cannot split Swedish compounds: "vandringar" never matches
"trygghetsvandring". So each query also looks for the *stem* of every word inside the titles and
leads (a case-insensitive substring match), which finds compounds; those hits rank after the
full-text hits. The stems come from PostgreSQL's own Swedish stemmer (`ts_lexize`), so the
highlighting marks exactly the word forms that were matched. SQLite has no stemmer: there the
stem is the word itself.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from home.models import AccessibilityStatementPage, StandardPage
from news.models import NewsArticlePage
from pagecache.generation import memoize
from pagecache.tags import LIST
from promises.models import Promise, PromisePage

MAX_QUERY_CHARS = 200
MAX_TERMS = 10
MAX_HITS_PER_TYPE = 200
SEARCH_MEMO_SECONDS = 60
MIN_INFIX_STEM = 5  # shorter stems match inside too many unrelated words
WORD = re.compile(r"\w+", re.UNICODE)


def clean_query(raw: str | None) -> str:
    """The query as the search can safely take it: printable, bounded, single-spaced.

    Control characters (PostgreSQL rejects NUL) are dropped; very long input is cut, not refused.
    """
    text = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " "
        for ch in (raw or "")[: MAX_QUERY_CHARS * 4]
    )
    return " ".join(text.split())[:MAX_QUERY_CHARS].strip()


def query_words(query: str) -> list[str]:
    return [w.lower() for w in WORD.findall(query)][:MAX_TERMS]


def stems_for(words: list[str]) -> list[str]:
    """Swedish stems of the words, stop words dropped; on SQLite the lower-cased words."""
    if not words:
        return []
    if connection.vendor != "postgresql":
        return words
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, ts_lexize('swedish_stem', w) FROM unnest(%s::text[]) AS w", [words]
        )
        rows = cursor.fetchall()
    stems = []
    for word, lexemes in rows:
        if lexemes is None:  # not a word the stemmer handles: keep it as it is
            stems.append(word)
        stems.extend(lexemes or [])
    return list(dict.fromkeys(s for s in stems if s))


def highlight(text: str, stems: list[str]) -> SafeString:
    """Escape `text` and wrap every word that a stem matched in <mark>."""
    if not text:
        return SafeString("")
    out = []
    last = 0
    for match in WORD.finditer(text):
        word = match.group().lower()
        if any(
            word.startswith(stem) or (len(stem) >= MIN_INFIX_STEM and stem in word)
            for stem in stems
        ):
            out.append(html.escape(text[last : match.start()]))
            out.append(f"<mark>{html.escape(match.group())}</mark>")
            last = match.end()
    out.append(html.escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def excerpt(text: str, stems: list[str], words: int = 30) -> str:
    """About `words` words of `text`, starting a little before the first match."""
    tokens = text.split()
    if len(tokens) <= words:
        return text
    start = 0
    for i, token in enumerate(tokens):
        lowered = token.lower()
        if any(stem in lowered for stem in stems):
            start = max(0, i - 8)
            break
    chunk = " ".join(tokens[start : start + words])
    return ("… " if start else "") + chunk + (" …" if start + words < len(tokens) else "")


@dataclass
class Hit:
    title: SafeString
    url: str
    text: SafeString
    meta: str = ""
    status: str = ""
    status_label: str = ""


@dataclass
class Group:
    key: str
    label: str
    total: int
    hits: list[Hit] = field(default_factory=list)


def ranked_ids(queryset: QuerySet, query: str, by_relevance: bool = True) -> list[int]:
    """Primary keys of full-text matches, best first or in the queryset's own order.

    Only filter fields may be on `queryset`. Ranking reads every match, which costs about
    150 ms for a common word over 10 000 stories; unranked, the index answers in a few ms.
    """
    results = get_search_backend().search(
        query, queryset.only("pk"), operator="and", order_by_relevance=by_relevance
    )
    return [obj.pk for obj in results[:MAX_HITS_PER_TYPE]]


def infix_ids(queryset: QuerySet, stems: list[str], fields: list[str]) -> list[int]:
    """Matches of every long stem inside the given text fields: finds Swedish compound words."""
    long_stems = [s for s in stems if len(s) >= MIN_INFIX_STEM]
    if not long_stems or len(long_stems) != len(stems):
        return []
    condition = Q()
    for stem in long_stems:
        per_stem = Q()
        for name in fields:
            per_stem |= Q(**{f"{name}__icontains": stem})
        condition &= per_stem
    return list(queryset.filter(condition).values_list("pk", flat=True)[:MAX_HITS_PER_TYPE])


def merged(first: list[int], second: list[int]) -> list[int]:
    return list(dict.fromkeys([*first, *second]))


class SiteSearch:
    """One search in one language. `groups()` gives every type; `group(key)` one for paging."""

    TYPES = ("news", "pages", "promises")

    def __init__(self, query: str, locale: Locale) -> None:
        self.query = query
        self.locale = locale
        self.words = query_words(query)
        # The stemmer's answer depends on nothing but the words: kept like everything else.
        self.stems = memoize(("stems", *self.words), lambda: stems_for(self.words))

    # Which objects match, per type, in rank order -------------------------------------------

    def _page_ids(self, models: tuple, newest_first: bool = False) -> list[int]:
        base = Page.objects.live().filter(locale=self.locale).type(*models)
        if newest_first:
            base = base.order_by("-first_published_at")
        ids = merged(
            ranked_ids(base, self.query, by_relevance=not newest_first),
            infix_ids(base, self.stems, ["title", "search_description"])
            + self._infix_specific(models),
        )
        # Private pages (view restrictions) are dropped here, after the search: what
        # PageQuerySet.public() excludes, read once for both groups of pages.
        allowed = set(
            Page.objects.filter(pk__in=ids)
            .live()
            .exclude(self.private)
            .values_list("pk", flat=True)
        )
        return [pk for pk in ids if pk in allowed]

    def _infix_specific(self, models: tuple) -> list[int]:
        ids: list[int] = []
        for model in models:
            if any(f.name == "lead" for f in model._meta.get_fields()):
                base = model.objects.live().filter(locale=self.locale)
                ids += infix_ids(base, self.stems, ["lead"])
        return ids

    def _promise_ids(self) -> list[int]:
        base = Promise.objects.filter(live=True, locale_id=self.locale.pk)
        ids = merged(
            ranked_ids(base, self.query),
            infix_ids(base, self.stems, ["title", "target", "focus_area", "outcome"]),
        )
        # Only promises whose agreement page is itself live and public.
        allowed = set(Promise.objects.public().filter(pk__in=ids).values_list("pk", flat=True))
        return [pk for pk in ids if pk in allowed]

    @cached_property
    def private(self) -> Q:
        """Wagtail's private sections (`PageQuerySet.private_q()`, one query)."""
        return Page.objects.private_q()

    def ids(self, key: str) -> list[int]:
        """The matches of one type, in the order shown.

        Kept until the next content change (pagecache memoize), and at most SEARCH_MEMO_SECONDS:
        the search index is written by the worker after the change that retires the memo.
        """
        if not self.words:
            return []
        return memoize(
            ("search", self.locale.pk, self.query, key),
            lambda: self._ids(key),
            timeout=SEARCH_MEMO_SECONDS,
            tags=(LIST,),
        )

    def _ids(self, key: str) -> list[int]:
        if key == "news":
            # News is listed newest first, as residents expect of news (and fast on 10 000).
            return self._page_ids((NewsArticlePage,), newest_first=True)
        if key == "pages":
            return self._page_ids((StandardPage, PromisePage, AccessibilityStatementPage))
        return self._promise_ids()

    # What the visitor sees -------------------------------------------------------------------

    def label(self, key: str) -> str:
        return {
            "news": _("Nyheter"),
            "pages": _("Sidor"),
            "promises": _("Medborgarlöften"),
        }[key]

    def hits(self, key: str, ids: list[int], request) -> list[Hit]:
        if not ids:
            return []
        if key == "promises":
            return self._promise_hits(ids, request)
        pages = Page.objects.filter(pk__in=ids).specific().defer_streamfields()
        by_id = {p.pk: p for p in pages}
        hits = []
        for pk in ids:
            page = by_id.get(pk)
            if page is None:
                continue
            text = getattr(page, "lead", "") or page.search_description or ""
            meta = ""
            if key == "news" and page.first_published_at:
                meta = date_format(page.first_published_at, "j F Y")
            hits.append(
                Hit(
                    title=highlight(page.title, self.stems),
                    url=page.get_url(request),
                    text=highlight(excerpt(text, self.stems), self.stems),
                    meta=meta,
                )
            )
        return hits

    def _promise_hits(self, ids: list[int], request) -> list[Hit]:
        promises = {p.pk: p for p in Promise.objects.filter(pk__in=ids).select_related("agreement")}
        hits = []
        for pk in ids:
            promise = promises.get(pk)
            if promise is None:
                continue
            text = " – ".join(
                part
                for part in (promise.target, strip_tags(promise.description or ""))
                if part.strip()
            )
            hits.append(
                Hit(
                    title=highlight(promise.title, self.stems),
                    url=promise.get_url(request) or "",
                    text=highlight(excerpt(text, self.stems), self.stems),
                    meta=f"{promise.agreement.title} · {promise.focus_area}",
                    status=promise.status,
                    status_label=promise.get_status_display(),
                )
            )
        return hits

    def groups(self, request, per_group: int = 5) -> list[Group]:
        """Every type's total and first hits; kept like `ids()` (their URLs hold the host)."""
        if not self.words:
            return self._groups(request, per_group)
        parts = ("search_groups", self.locale.pk, self.query, per_group)
        return memoize(
            (*parts, request.scheme, request.get_host()),
            lambda: self._groups(request, per_group),
            timeout=SEARCH_MEMO_SECONDS,
            tags=(LIST,),
        )

    def _groups(self, request, per_group: int) -> list[Group]:
        groups = []
        for key in self.TYPES:
            ids = self.ids(key)
            groups.append(
                Group(key, self.label(key), len(ids), self.hits(key, ids[:per_group], request))
            )
        return groups
