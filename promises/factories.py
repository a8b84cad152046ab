import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import Promise, PromiseFollowUp, PromisePage, PromiseStatus


class PromisePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Medborgarlöften {2000 + n}")
    period_start = datetime.date(2021, 1, 1)
    period_end = datetime.date(2021, 12, 31)
    parties = "Kommunen och polisen"

    class Meta:
        model = PromisePage


class PromiseFactory(DjangoModelFactory):
    agreement = factory.SubFactory(PromisePageFactory)
    title = factory.Sequence(lambda n: f"Löfte {n}")
    slug = factory.Sequence(lambda n: f"lofte-{n}")
    focus_area = "Trygghet"
    status = PromiseStatus.FULFILLED
    status_reason = "Genomfört enligt plan."
    live = True
    locale = factory.SelfAttribute("agreement.locale")

    class Meta:
        model = Promise


class PromiseFollowUpFactory(DjangoModelFactory):
    promise = factory.SubFactory(PromiseFactory)
    date = datetime.date(2021, 12, 15)
    status = PromiseStatus.FULFILLED
    note = "Uppföljt."
    locale = factory.SelfAttribute("promise.locale")

    class Meta:
        model = PromiseFollowUp
