"""Open data export of an agreement's promises (CSV, JSON) and the embeddable status cards."""

import csv
import io
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .models import Promise, PromisePage, StatusSummary, public_agreements

EXPORT_FIELDS = [
    "id",
    "agreement",
    "period_start",
    "period_end",
    "focus_area",
    "title",
    "party",
    "party_label",
    "partners",
    "target",
    "status",
    "status_label",
    "status_reason",
    "outcome",
    "last_follow_up",
    "url",
]

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Comma by default (RFC 4180, what programs and portals read); Excel with Swedish settings splits
# columns on semicolons only.
CSV_DELIMITERS = {"comma": ",", "semicolon": ";"}
# Excel reads a CSV as UTF-8 (å, ä, ö) only when it starts with a byte order mark.
UTF8_BOM = "\ufeff"

# Only this site's stylesheets (the status colours the site uses), no scripts; any site may frame it.
EMBED_CSP = "default-src 'none'; style-src 'self'; frame-ancestors *; base-uri 'none'"


def allow_framing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let partner sites put this view (and only this one) in an iframe."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = EMBED_CSP
        return response

    return xframe_options_exempt(wrapper)


def agreement_in_language(page_id: int, language: str | None) -> tuple[PromisePage, str]:
    """The public agreement, swapped for its public translation in `language` when there is one.

    The status labels follow `language` even when the agreement has no translation.
    """
    agreement = public_agreements().select_related("locale").filter(pk=page_id).first()
    if agreement is None:
        raise Http404("No agreement matches the given id.")
    if not language:
        return agreement, agreement.locale.language_code
    translated = (
        public_agreements()
        .select_related("locale")
        .filter(translation_key=agreement.translation_key, locale__language_code=language)
        .first()
    )
    return translated or agreement, language


def spreadsheet_safe(value: object) -> object:
    """The cell as a spreadsheet shows it, as text: a leading formula character gets a `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: list[dict], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=EXPORT_FIELDS, delimiter=delimiter, lineterminator="\r\n"
    )
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
    return UTF8_BOM + buffer.getvalue()


def promise_rows(agreement: PromisePage, language: str, request: HttpRequest) -> list[dict]:
    rows = []
    for promise in agreement.live_promises:
        latest = promise.latest_follow_up
        rows.append(
            {
                "id": promise.pk,
                "agreement": agreement.title,
                "period_start": agreement.period_start.isoformat(),
                "period_end": agreement.period_end.isoformat(),
                "focus_area": promise.focus_area,
                "title": promise.title,
                "party": promise.party,
                "party_label": promise.party_label_in(language),
                "partners": promise.partners,
                "target": promise.target,
                "status": promise.status,
                "status_label": promise.status_label_in(language),
                "status_reason": promise.status_reason,
                "outcome": promise.outcome,
                "last_follow_up": latest.date.isoformat() if latest else "",
                "url": promise.get_full_url(request) or "",
            }
        )
    return rows


@require_safe
def export_promises(request: HttpRequest, page_id: int, format: str) -> HttpResponse:
    """Open data: one row per published promise, labels in `?language=` (default: the page's).

    CSV takes `?delimiter=semicolon` for Excel with Swedish settings; the JSON is the data as is.
    """
    if format not in ("csv", "json"):
        raise Http404("Export formats: csv, json.")
    delimiter = request.GET.get("delimiter", "comma")
    if delimiter not in CSV_DELIMITERS:
        return HttpResponseBadRequest(
            f"Unknown delimiter {delimiter!r}; available: comma, semicolon.",
            content_type="text/plain; charset=utf-8",
        )
    language = request.GET.get("language") or None
    if language is not None and language not in dict(settings.LANGUAGES):
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        return HttpResponseBadRequest(
            f"Unknown language {language!r}; available: {codes}.",
            content_type="text/plain; charset=utf-8",
        )
    agreement, language = agreement_in_language(page_id, language)
    rows = promise_rows(agreement, language, request)
    filename = f"{agreement.slug}-{language}.{format}"
    if format == "json":
        response = JsonResponse(
            {
                "agreement": {
                    "id": agreement.pk,
                    "title": agreement.title,
                    "period_start": agreement.period_start.isoformat(),
                    "period_end": agreement.period_end.isoformat(),
                    "parties": agreement.parties,
                    "url": agreement.get_full_url(request),
                },
                "language": language,
                "promises": rows,
            },
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
    else:
        response = HttpResponse(
            csv_text(rows, CSV_DELIMITERS[delimiter]), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = language
    return response


@require_safe
@allow_framing
def embed_agreement(request: HttpRequest, page_id: int) -> HttpResponse:
    """A small status card of one agreement for a partner's iframe."""
    agreement, language = agreement_in_language(page_id, None)
    promises = agreement.live_promises
    with translation.override(language):
        response = render(
            request,
            "promises/embed_agreement.html",
            {
                "agreement": agreement,
                "agreement_url": agreement.get_full_url(request),
                "summary": StatusSummary(promises, language),
                "promises": promises,
                "language": language,
            },
        )
    response["Content-Language"] = language
    return response


@require_safe
@allow_framing
def embed_promise(request: HttpRequest, promise_id: int) -> HttpResponse:
    """A small status card of one promise for a partner's iframe."""
    promise = (
        Promise.objects.public()
        .select_related("agreement", "locale")
        .prefetch_related("follow_ups")
        .filter(pk=promise_id)
        .first()
    )
    if promise is None:
        raise Http404("No promise matches the given id.")
    language = promise.locale.language_code
    with translation.override(language):
        response = render(
            request,
            "promises/embed_promise.html",
            {
                "promise": promise,
                "promise_url": promise.get_full_url(request),
                "agreement": promise.agreement,
                "last_follow_up": promise.latest_follow_up,
                "language": language,
            },
        )
    response["Content-Language"] = language
    return response
