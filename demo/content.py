"""The demo site's content, built from the kommun's real article about medborgarlöften 2021.

Kept apart from the command that loads it so that the words are easy to read and change.
Each text is a (Swedish, English) pair.
"""

from dataclasses import dataclass, field
from datetime import date

from promises.models import PromiseParty, PromiseStatus

S = PromiseStatus


@dataclass(frozen=True)
class FollowUpData:
    date: date
    status: str
    note: tuple[str, str]


@dataclass(frozen=True)
class PromiseData:
    slug: str
    title: tuple[str, str]
    focus_area: tuple[str, str]
    party: str
    target: tuple[str, str]
    status: str
    reason: tuple[str, str]
    outcome: tuple[str, str] = ("", "")
    partners: tuple[str, str] = ("", "")
    continues: str = ""
    follow_ups: list[FollowUpData] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementData:
    slug: str
    title: tuple[str, str]
    lead: tuple[str, str]
    period: tuple[date, date]
    parties: tuple[str, str]
    problem_picture: tuple[str, str]
    promises: list[PromiseData]


@dataclass(frozen=True)
class ArticleData:
    slug: str
    published: date
    title: tuple[str, str]
    lead: tuple[str, str]
    # ("text" | "heading" | "quote", (sv, en)); quotes are (text, attribution, role) per language.
    body: list[tuple[str, tuple]]
    topics: list[str]
    promises: list[str]  # slugs of 2021 promises (agreement, slug) the story follows up
    translate: bool = True
    updated: date | None = None


def kept(
    slug: str,
    title: tuple[str, str],
    focus_area: tuple[str, str],
    party: str,
    target: tuple[str, str],
    reason: tuple[str, str],
    note: tuple[str, str],
) -> PromiseData:
    """A 2021 promise that was kept, followed up at the end of the year."""
    return PromiseData(
        slug=slug,
        title=title,
        focus_area=focus_area,
        party=party,
        target=target,
        status=S.FULFILLED,
        reason=reason,
        follow_ups=[FollowUpData(date(2021, 12, 15), S.FULFILLED, note)],
    )


SAFETY = "Trygghet i offentlig miljö", "Safety in public places"
NEIGHBOURS = "Grannsamverkan", "Neighbourhood watch"
YOUTH = "Unga och tidiga insatser", "Young people and early intervention"
DRUGS = "Alkohol och droger", "Alcohol and drugs"

TOPICS = [
    ("trygghet", "Trygghet", "Safety"),
    ("medborgarloften", "Medborgarlöften", "Citizen promises"),
    ("grannsamverkan", "Grannsamverkan", "Neighbourhood watch"),
    ("unga", "Unga", "Young people"),
]

KOMMUN = {
    "name": ("Hässleholms kommun", "Hässleholm Municipality"),
    # Addresses and numbers are facts: the same in every language (core/facts.py).
    "visiting_address": "Stadshuset, Nytorget 1\nHässleholm",
    "postal_address": "Hässleholms kommun\n281 80 Hässleholm",
    "switchboard": "0451-26 70 00",
    "website": "https://www.hassleholm.se",
}
POLICE = {
    "name": ("Polisen, lokalpolisområde Hässleholm", "Police, Hässleholm local police area"),
    "visiting_address": "",
    "postal_address": "",
    "switchboard": "114 14",
    "website": "https://polisen.se",
}
COORDINATOR = {
    "name": "Johanna Flogstam",
    "role_title": (
        "Drog- och brottsförebyggande samordnare",
        "Drug and crime prevention coordinator",
    ),
    "phone": "0451-26 70 00",
}

PROMISES_2021 = AgreementData(
    slug="medborgarloften-2021",
    title=("Medborgarlöften 2021", "Citizen promises 2021"),
    lead=(
        "Hässleholms kommun och polisen lovar tillsammans konkreta insatser för att öka "
        "tryggheten och minska brottsligheten under 2021.",
        "Hässleholm Municipality and the police jointly promise concrete actions to increase "
        "safety and reduce crime during 2021.",
    ),
    period=(date(2021, 1, 1), date(2021, 12, 31)),
    parties=(
        "Hässleholms kommun och Polisen, lokalpolisområde Hässleholm",
        "Hässleholm Municipality and the Police, Hässleholm local police area",
    ),
    problem_picture=(
        "<p>Medborgardialoger och polisens trygghetsmätning visar att många upplever otrygghet "
        "på vissa platser i centrala Hässleholm kvällstid, och att oron för ungas drogbruk har ökat.</p>",
        "<p>Citizen dialogues and the police's safety survey show that many people feel unsafe "
        "in some places in central Hässleholm in the evenings, and that concern about young "
        "people's drug use has grown.</p>",
    ),
    promises=[
        PromiseData(
            slug="trygghetsvandringar",
            title=(
                "Trygghetsvandringar på prioriterade platser",
                "Safety walks in priority places",
            ),
            focus_area=SAFETY,
            party=PromiseParty.BOTH,
            target=("2 trygghetsvandringar", "2 safety walks"),
            status=S.FULFILLED,
            reason=(
                "Båda vandringarna genomfördes, med anpassningar efter restriktionerna.",
                "Both walks took place, adapted to the restrictions.",
            ),
            outcome=(
                "Två trygghetsvandringar genomfördes, i centrum och vid stationen.",
                "Two safety walks took place, in the town centre and at the station.",
            ),
            follow_ups=[
                FollowUpData(
                    date(2021, 6, 15),
                    S.IN_PROGRESS,
                    (
                        "Den första vandringen genomfördes i centrum i maj.",
                        "The first walk took place in the town centre in May.",
                    ),
                ),
                FollowUpData(
                    date(2021, 12, 15),
                    S.FULFILLED,
                    (
                        "Den andra vandringen genomfördes vid stationsområdet i oktober.",
                        "The second walk took place around the station in October.",
                    ),
                ),
            ],
        ),
        PromiseData(
            slug="nattvandring",
            title=("Föreningsdriven nattvandring", "Night walks run by local associations"),
            focus_area=SAFETY,
            party=PromiseParty.PARTNERS,
            partners=("Lokala föreningar", "Local associations"),
            target=(
                "Nattvandring varje helg under terminerna",
                "Night walks every weekend during school terms",
            ),
            status=S.FULFILLED,
            reason=(
                "Flera föreningar var aktiva och fler trygga vuxna rörde sig där unga finns.",
                "Several associations took part and more trusted adults were out where young people are.",
            ),
            outcome=(
                "Nattvandringen utvecklas till trygghetsvandring tillsammans med Länsförsäkringar Göinge-Kristianstad.",
                "The night walks are becoming safety walks together with Länsförsäkringar Göinge-Kristianstad.",
            ),
            follow_ups=[
                FollowUpData(
                    date(2021, 12, 15),
                    S.FULFILLED,
                    (
                        "Nattvandringen pågick under hela året trots pandemin.",
                        "The night walks continued all year despite the pandemic.",
                    ),
                ),
            ],
        ),
        kept(
            "polis-i-centrum",
            (
                "Synlig polis i centrum på helgkvällar",
                "Visible police in the town centre at weekends",
            ),
            SAFETY,
            PromiseParty.POLICE,
            (
                "Polis i centrum fredag och lördag kväll",
                "Police in the centre on Friday and Saturday evenings",
            ),
            (
                "Polisen var i centrum de allra flesta helgkvällar under året.",
                "The police were in the town centre on nearly every weekend evening of the year.",
            ),
            (
                "Närvaron följdes upp varje månad i den gemensamma lägesbilden.",
                "The presence was followed up every month in the joint situation report.",
            ),
        ),
        kept(
            "belysning-och-rojning",
            ("Bättre belysning och röjd växtlighet", "Better lighting and cleared vegetation"),
            SAFETY,
            PromiseParty.MUNICIPALITY,
            ("Åtgärder efter varje trygghetsvandring", "Action after every safety walk"),
            (
                "Det som vandringarna pekade ut åtgärdades under hösten.",
                "What the walks pointed out was put right during the autumn.",
            ),
            (
                "Belysningen vid stationen byttes och buskagen i stadsparken röjdes.",
                "The lighting at the station was replaced and the bushes in the town park were cleared.",
            ),
        ),
        kept(
            "gemensam-lagesbild",
            ("Gemensam lägesbild varje kvartal", "A joint situation report every quarter"),
            SAFETY,
            PromiseParty.BOTH,
            ("4 gemensamma lägesbilder", "4 joint situation reports"),
            (
                "Kommunen och polisen tog fram en lägesbild varje kvartal, digitalt under pandemin.",
                "The municipality and the police produced a report every quarter, online during the pandemic.",
            ),
            (
                "Lägesbilderna ligger till grund för löftena 2022.",
                "The reports are the basis of the 2022 promises.",
            ),
        ),
        PromiseData(
            slug="grannsamverkan",
            title=(
                "Utbildning och kontaktombudsträff för grannsamverkan",
                "Training and contact meeting for neighbourhood watch",
            ),
            focus_area=NEIGHBOURS,
            party=PromiseParty.BOTH,
            target=(
                "1 utbildningstillfälle och 1 kontaktombudsträff",
                "1 training session and 1 contact meeting",
            ),
            status=S.POSTPONED,
            reason=(
                "Ställdes in på grund av pandemins restriktioner; flyttas till 2022.",
                "Cancelled because of the pandemic restrictions; moved to 2022.",
            ),
            follow_ups=[
                FollowUpData(
                    date(2021, 12, 15),
                    S.POSTPONED,
                    (
                        "Utbildningen kunde inte genomföras. Ett nytt tillfälle planeras.",
                        "The training could not take place. A new session is being planned.",
                    ),
                ),
            ],
        ),
        kept(
            "grannsamverkan-information",
            (
                "Information om grannsamverkan i nya bostadsområden",
                "Information about neighbourhood watch in new housing areas",
            ),
            NEIGHBOURS,
            PromiseParty.BOTH,
            ("Utskick till alla nya områden", "A mailing to every new area"),
            (
                "Alla nya bostadsområden fick information och tre startade grannsamverkan.",
                "Every new housing area was informed and three started neighbourhood watch.",
            ),
            (
                "Informationen skickades ut under våren.",
                "The information was sent out in the spring.",
            ),
        ),
        kept(
            "samverkan-kring-unga",
            (
                "Samverkan kring barn och unga mellan förvaltningarna och polisen",
                "Cooperation on children and young people between departments and the police",
            ),
            YOUTH,
            PromiseParty.BOTH,
            ("Möten varje månad", "Monthly meetings"),
            (
                "Samarbetet fortsatte under hela pandemin.",
                "The cooperation continued throughout the pandemic.",
            ),
            (
                "Skola, socialtjänst, fritid och polis träffades varje månad.",
                "School, social services, leisure services and the police met every month.",
            ),
        ),
        PromiseData(
            slug="manniskan-bakom-uniformen",
            title=("Människan bakom uniformen (MBU)", "The person behind the uniform (MBU)"),
            focus_area=YOUTH,
            party=PromiseParty.BOTH,
            target=(
                "Träffar mellan unga och blåljuspersonal",
                "Meetings between young people and emergency staff",
            ),
            status=S.PARTLY_FULFILLED,
            reason=(
                "Delar av samarbetet ställdes in under pandemin och återupptas.",
                "Parts of the cooperation were cancelled during the pandemic and are being resumed.",
            ),
            follow_ups=[
                FollowUpData(
                    date(2021, 12, 15),
                    S.PARTLY_FULFILLED,
                    (
                        "Några träffar genomfördes digitalt; samarbetet återupptas fullt ut.",
                        "Some meetings were held online; the cooperation is being fully resumed.",
                    ),
                ),
            ],
        ),
        kept(
            "sommarlov",
            (
                "Kvällsöppna fritidsgårdar på sommarlovet",
                "Youth centres open in the evenings in summer",
            ),
            YOUTH,
            PromiseParty.MUNICIPALITY,
            ("Öppet fyra kvällar i veckan", "Open four evenings a week"),
            (
                "Fritidsgårdarna höll öppet hela sommarlovet, mest utomhus.",
                "The youth centres stayed open all summer, mostly outdoors.",
            ),
            (
                "Många unga kom, och ordningsstörningarna i centrum minskade.",
                "Many young people came, and disturbances in the town centre fell.",
            ),
        ),
        PromiseData(
            slug="myndighetstillsyner",
            title=("Gemensamma myndighetstillsyner", "Joint authority inspections"),
            focus_area=DRUGS,
            party=PromiseParty.BOTH,
            target=(
                "Gemensamma tillsyner av serveringsställen",
                "Joint inspections of licensed premises",
            ),
            status=S.POSTPONED,
            reason=(
                "Tillsynerna kunde inte genomföras under restriktionerna; de görs 2022.",
                "The inspections could not take place under the restrictions; they move to 2022.",
            ),
            follow_ups=[
                FollowUpData(
                    date(2021, 12, 15),
                    S.POSTPONED,
                    (
                        "Serveringsställena hade begränsade öppettider och tillsynerna ställdes in.",
                        "Licensed premises had limited opening hours and the inspections were cancelled.",
                    ),
                ),
            ],
        ),
        PromiseData(
            slug="information-till-anhoriga",
            title=(
                "Information till anhöriga till unga med drogproblematik",
                "Information for relatives of young people with drug problems",
            ),
            focus_area=DRUGS,
            party=PromiseParty.PARTNERS,
            partners=("Maria Skåne nordost", "Maria Skåne nordost"),
            target=("Informationsinsatser för anhöriga", "Information for relatives"),
            status=S.FULFILLED,
            reason=(
                "Informationen spreds via skolor, sociala medier och mottagningen.",
                "The information was spread through schools, social media and the clinic.",
            ),
            follow_ups=[
                FollowUpData(
                    date(2021, 12, 15),
                    S.FULFILLED,
                    (
                        "Maria Skåne nordost arbetar vidare med att sprida informationen.",
                        "Maria Skåne nordost continues to spread the information.",
                    ),
                ),
            ],
        ),
    ],
)

PROMISES_2022 = AgreementData(
    slug="medborgarloften-2022",
    title=("Medborgarlöften 2022", "Citizen promises 2022"),
    lead=(
        "Under 2022 fortsätter arbetet, och det som fick ställas in under pandemin tas upp igen.",
        "In 2022 the work continues, and what had to be cancelled during the pandemic is taken up again.",
    ),
    period=(date(2022, 1, 1), date(2022, 12, 31)),
    parties=PROMISES_2021.parties,
    problem_picture=PROMISES_2021.problem_picture,
    promises=[
        PromiseData(
            slug="trygghetsvandringar",
            title=(
                "Trygghetsvandringar där unga bjuds in",
                "Safety walks with young people invited",
            ),
            focus_area=SAFETY,
            party=PromiseParty.BOTH,
            target=("2 trygghetsvandringar", "2 safety walks"),
            status=S.PLANNED,
            reason=("Datum bestäms under våren.", "Dates are set in the spring."),
            continues="trygghetsvandringar",
        ),
        PromiseData(
            slug="trygghetsvandring-med-lansforsakringar",
            title=(
                "Trygghetsvandring i samarbete med Länsförsäkringar Göinge-Kristianstad",
                "Safety walks together with Länsförsäkringar Göinge-Kristianstad",
            ),
            focus_area=SAFETY,
            party=PromiseParty.PARTNERS,
            partners=(
                "Länsförsäkringar Göinge-Kristianstad",
                "Länsförsäkringar Göinge-Kristianstad",
            ),
            target=("Trygghetsvandring varje helg", "Safety walks every weekend"),
            status=S.IN_PROGRESS,
            reason=("Samarbetet har startat.", "The cooperation has started."),
            continues="nattvandring",
        ),
        PromiseData(
            slug="grannsamverkan",
            title=(
                "Utbildning och kontaktombudsträff för grannsamverkan",
                "Training and contact meeting for neighbourhood watch",
            ),
            focus_area=NEIGHBOURS,
            party=PromiseParty.BOTH,
            target=(
                "1 utbildningstillfälle och 1 kontaktombudsträff",
                "1 training session and 1 contact meeting",
            ),
            status=S.PLANNED,
            reason=("Flyttat från 2021.", "Moved from 2021."),
            continues="grannsamverkan",
        ),
        PromiseData(
            slug="manniskan-bakom-uniformen",
            title=("Människan bakom uniformen (MBU)", "The person behind the uniform (MBU)"),
            focus_area=YOUTH,
            party=PromiseParty.BOTH,
            target=(
                "Träffar mellan unga och blåljuspersonal på alla högstadieskolor",
                "Meetings between young people and emergency staff at every secondary school",
            ),
            status=S.PLANNED,
            reason=("Samarbetet återupptas till hösten.", "The cooperation resumes in the autumn."),
            continues="manniskan-bakom-uniformen",
        ),
        PromiseData(
            slug="myndighetstillsyner",
            title=("Gemensamma myndighetstillsyner", "Joint authority inspections"),
            focus_area=DRUGS,
            party=PromiseParty.BOTH,
            target=("4 gemensamma tillsyner", "4 joint inspections"),
            status=S.NOT_FOLLOWED_UP,
            reason=("", ""),
            continues="myndighetstillsyner",
        ),
    ],
)

QUOTE_SV = (
    "Detta känns väldigt roligt och positivt, speciellt med tanke på att vi samtidigt brottats "
    "med en pandemi och fått anpassa och ställa om verksamheten utifrån givna förutsättningar."
)
QUOTE_EN = (
    "This feels very good and positive, especially since we have been struggling with a "
    "pandemic at the same time and had to adapt our work to the circumstances."
)

SEED_ARTICLE = ArticleData(
    slug="nastan-alla-medborgarloften-for-2021-ar-uppfyllda",
    published=date(2022, 2, 9),
    title=(
        "Nästan alla medborgarlöften för 2021 är uppfyllda",
        "Almost all citizen promises for 2021 have been fulfilled",
    ),
    lead=(
        "En uppföljning av medborgarlöfte mellan Hässleholms kommun och polisen visar att nästan "
        "alla löften för 2021 har blivit uppfyllda. Detta trots att coronapandemin påverkade "
        "förutsättningarna för de planerade aktiviteterna.",
        "A follow-up of the citizen promises between Hässleholm Municipality and the police shows "
        "that almost all promises for 2021 have been fulfilled, even though the coronavirus "
        "pandemic affected the planned activities.",
    ),
    body=[
        (
            "quote",
            (
                (
                    QUOTE_SV,
                    "Johanna Flogstam",
                    "drog- och brottsförebyggande samordnare på Hässleholms kommun",
                ),
                (
                    QUOTE_EN,
                    "Johanna Flogstam",
                    "drug and crime prevention coordinator at Hässleholm Municipality",
                ),
            ),
        ),
        (
            "heading",
            (
                "Fortsatt samarbete kring brottsförebyggande arbete och tidiga insatser",
                "Continued cooperation on crime prevention and early intervention",
            ),
        ),
        (
            "text",
            (
                "<p>Kommunen samarbetar med flera förvaltningar samt polisen för att trygga barn- och "
                "ungdomars framtid. Det här arbetet har fortsatt under pandemin. Hässleholms kommun och "
                "polisen arrangerar bland annat trygghetsvandringar tillsammans på prioriterade platser, "
                "och kommer att genomföra två vandringar under 2022. Med förhoppningen att öka "
                "delaktigheten för unga i vår kommun bjuds även denna målgrupp in att delta.</p>",
                "<p>The municipality works with several departments and the police to secure the future "
                "of children and young people. This work has continued during the pandemic. Hässleholm "
                "Municipality and the police organise safety walks together in priority places, and will "
                "hold two walks during 2022. To involve more young people, they too are invited to take part.</p>",
            ),
        ),
        ("heading", ("Utvecklar samarbetet", "Developing the cooperation")),
        (
            "text",
            (
                "<p>Under 2021 var flera föreningar aktiva i den föreningsdrivna nattvandringen och bidrog "
                "till att fler trygga vuxna rörde sig ute på platser där unga befinner sig.</p>"
                "<p>Det här är mycket viktigt för att öka den upplevda tryggheten och minska att otrygga "
                "situationer uppstår. Dessutom utvecklas nuvarande form av nattvandring och blir "
                "trygghetsvandring i ett nytt samarbete med Länsförsäkringar Göinge-Kristianstad.</p>",
                "<p>During 2021 several associations took part in the night walks they run, so that more "
                "trusted adults were out in the places where young people spend time.</p>"
                "<p>This matters a great deal for how safe people feel and for preventing unsafe "
                "situations. The night walks are also developing into safety walks in a new cooperation "
                "with Länsförsäkringar Göinge-Kristianstad.</p>",
            ),
        ),
        (
            "heading",
            (
                "Nya tag kring de aktiviteter som fick ställas in under pandemin",
                "A fresh start for the activities cancelled during the pandemic",
            ),
        ),
        (
            "text",
            (
                "<p>De delar av löftena som inte kunde genomföras kan kopplas till direkta konsekvenser "
                "av pandemin och rådande restriktioner som utgjorde begränsningar.</p>"
                "<p>Polisen och Hässleholms kommun planerar nu för fullt för ett nytt utbildningstillfälle "
                "och kontaktombudsträff för grannsamverkan, och samarbetet med Människan bakom uniformen "
                "(MBU) återupptas. Hässleholms kommun och polisen siktar även på att genomföra gemensamma "
                "myndighetstillsyner och Maria Skåne nordost arbetar vidare med att bland annat sprida "
                "information för anhöriga till unga med drogproblematik.</p>",
                "<p>The parts of the promises that could not be carried out were a direct consequence of "
                "the pandemic and the restrictions in force.</p>"
                "<p>The police and Hässleholm Municipality are now planning a new training session and "
                "contact meeting for neighbourhood watch, and the cooperation with The person behind the "
                "uniform (MBU) is being resumed. They also aim to carry out joint authority inspections, "
                "and Maria Skåne nordost continues to spread information for relatives of young people "
                "with drug problems.</p>",
            ),
        ),
        ("heading", ("Därför medborgarlöften", "Why citizen promises")),
        (
            "text",
            (
                "<p>Genom medborgarlöften ska polisen och kommunen tillsammans utföra insatser som direkt "
                "riktar sig till medborgarna och deras upplevda trygghet. Det handlar om konkreta "
                "aktiviteter som kan öka den upplevda tryggheten och minska brottsligheten. "
                "Medborgarlöftena är en förlängning av polisens och Hässleholms kommuns ordinarie "
                "brottsförebyggande- och trygghetsskapande verksamhet.</p>",
                "<p>Through citizen promises the police and the municipality carry out actions aimed "
                "directly at residents and how safe they feel. These are concrete activities that can "
                "increase safety and reduce crime. The citizen promises extend the ordinary crime "
                "prevention and safety work of the police and Hässleholm Municipality.</p>",
            ),
        ),
    ],
    topics=["medborgarloften", "trygghet"],
    promises=[p.slug for p in PROMISES_2021.promises],
)


def simple_article(slug, published, title, lead, text, topics, promises=(), translate=False):
    return ArticleData(
        slug=slug,
        published=published,
        title=title,
        lead=lead,
        body=[("text", (f"<p>{text[0]}</p>", f"<p>{text[1]}</p>"))],
        topics=list(topics),
        promises=list(promises),
        translate=translate,
    )


MORE_ARTICLES = [
    simple_article(
        "trygghetsvandring-i-centrum",
        date(2021, 5, 20),
        ("Trygghetsvandring i centrala Hässleholm", "Safety walk in central Hässleholm"),
        (
            "Polisen och kommunen gick tillsammans med boende genom centrum för att hitta otrygga platser.",
            "The police and the municipality walked through the town centre with residents to find unsafe places.",
        ),
        (
            "Ett trettiotal boende deltog. Synpunkterna om belysning och buskage vid stationen tas nu vidare.",
            "About thirty residents took part. Their views on lighting and bushes near the station are being followed up.",
        ),
        ["trygghet", "medborgarloften"],
        ["trygghetsvandringar"],
        translate=True,
    ),
    simple_article(
        "nattvandrare-sokes",
        date(2021, 9, 2),
        ("Fler nattvandrare sökes inför hösten", "More night walkers wanted this autumn"),
        (
            "Föreningarna som nattvandrar i Hässleholm söker fler vuxna inför hösten.",
            "The associations that run night walks in Hässleholm are looking for more adults.",
        ),
        (
            "Den som vill vara med anmäler sig till någon av föreningarna. Ingen förkunskap krävs.",
            "Anyone who wants to take part can sign up with one of the associations. No experience is needed.",
        ),
        ["trygghet", "unga"],
        ["nattvandring"],
    ),
    simple_article(
        "grannsamverkan-utbildning-flyttas",
        date(2021, 11, 4),
        (
            "Utbildningen i grannsamverkan flyttas till 2022",
            "Neighbourhood watch training moved to 2022",
        ),
        (
            "Den planerade utbildningen för kontaktombud i grannsamverkan kan inte genomföras i år.",
            "The planned training for neighbourhood watch contacts cannot take place this year.",
        ),
        (
            "Restriktionerna gör att utbildningen flyttas. Anmälda kontaktombud får en ny inbjudan.",
            "Because of the restrictions the training is moved. Registered contacts will get a new invitation.",
        ),
        ["grannsamverkan", "medborgarloften"],
        ["grannsamverkan"],
    ),
    simple_article(
        "medborgarloften-2022-undertecknade",
        date(2022, 3, 15),
        ("Medborgarlöften för 2022 är undertecknade", "Citizen promises for 2022 have been signed"),
        (
            "Kommunen och polisen har skrivit under nya medborgarlöften för 2022.",
            "The municipality and the police have signed new citizen promises for 2022.",
        ),
        (
            "Löftena bygger vidare på 2021 och tar upp det som fick ställas in under pandemin.",
            "The promises build on 2021 and take up what had to be cancelled during the pandemic.",
        ),
        ["medborgarloften"],
        translate=True,
    ),
    simple_article(
        "information-till-foraldrar-om-droger",
        date(2022, 4, 28),
        ("Föräldraträff om unga och droger", "Meeting for parents about young people and drugs"),
        (
            "Maria Skåne nordost bjuder in föräldrar och anhöriga till en kväll om unga och droger.",
            "Maria Skåne nordost invites parents and relatives to an evening about young people and drugs.",
        ),
        (
            "Träffen är kostnadsfri. Du får veta vilka tecken du kan vara uppmärksam på och var du får stöd.",
            "The meeting is free. You will learn which signs to look out for and where to get support.",
        ),
        ["unga"],
        ["information-till-anhoriga"],
    ),
]

ARTICLES = [SEED_ARTICLE, *MORE_ARTICLES]

ACCESSIBILITY_STATEMENT = {
    "slug": "tillganglighetsredogorelse",
    "title": ("Tillgänglighetsredogörelse", "Accessibility statement"),
    "organisation_name": ("Hässleholms kommun", "Hässleholm Municipality"),
    "site_name": ("Hässleholms kommuns webbplats", "Hässleholm Municipality's website"),
    "intro": (
        "Vi arbetar löpande med att förbättra webbplatsens tillgänglighet.",
        "We work continuously to improve the accessibility of the website.",
    ),
    "known_gaps": (
        [
            (
                "gap",
                {
                    "title": "Äldre PDF-dokument",
                    "description": "Vissa protokoll från före 2021 är inskannade PDF-filer som inte kan läsas med skärmläsare.",
                    "reason": "disproportionate",
                    "wcag": "1.1.1 Icke-textuellt innehåll",
                    "fix_by": "Dokumenten tillgängliggörs på begäran.",
                },
            ),
            (
                "gap",
                {
                    "title": "Engelska översättningar",
                    "description": "Alla nyheter är inte översatta till engelska.",
                    "reason": "out_of_scope",
                    "wcag": "",
                    "fix_by": "",
                },
            ),
        ],
        [
            (
                "gap",
                {
                    "title": "Older PDF documents",
                    "description": "Some minutes from before 2021 are scanned PDF files that screen readers cannot read.",
                    "reason": "disproportionate",
                    "wcag": "1.1.1 Non-text content",
                    "fix_by": "The documents are made accessible on request.",
                },
            ),
            (
                "gap",
                {
                    "title": "English translations",
                    "description": "Not every news story is translated into English.",
                    "reason": "out_of_scope",
                    "wcag": "",
                    "fix_by": "",
                },
            ),
        ],
    ),
    "assessment_description": (
        "Automatisk kontroll av alla sidtyper med axe-core i varje bygge, och manuell test med tangentbord och skärmläsare.",
        "Automated checks of every page type with axe-core in every build, and manual tests with keyboard and screen reader.",
    ),
    "feedback_text": (
        "Om du upptäcker problem som inte beskrivs här, eller behöver innehåll i ett annat format, kontakta oss.",
        "If you find problems that are not described here, or need content in another format, please contact us.",
    ),
    "response_time": ("inom fem arbetsdagar", "within five working days"),
}


@dataclass(frozen=True)
class PictureData:
    """A picture from demo/images/ (CC0, drawn by draw.py there) and what it shows."""

    file: str
    title: str
    alt: tuple[str, str]
    caption: tuple[str, str] = ("", "")
    credit: str = "Nytorget (CC0)"


PICTURES = {
    "walk": PictureData(
        "kvallsvandring-centrum.jpg",
        "Kvällsvandring i centrum (illustration)",
        alt=(
            "Tecknad bild: fem personer, två i gula västar, på en gata i centrum en kväll, under gatlyktor.",
            "Drawing: five people, two in yellow vests, on a town-centre street one evening, under street lamps.",
        ),
        caption=(
            "Trygghetsvandringarna gick genom centrum och runt stationen.",
            "The safety walks went through the town centre and around the station.",
        ),
    ),
    "park": PictureData(
        "parkvag-med-lyktor.jpg",
        "Parkväg med lyktor (illustration)",
        alt=(
            "Tecknad bild: två personer på en upplyst gångväg genom en park.",
            "Drawing: two people on a lit footpath through a park.",
        ),
    ),
    "meeting": PictureData(
        "mote-kommun-polis.jpg",
        "Möte mellan kommunen och polisen (illustration)",
        alt=(
            "Tecknad bild: sex personer vid ett bord framför ett stapeldiagram.",
            "Drawing: six people at a table in front of a bar chart.",
        ),
        caption=(
            "Kommunen och polisen följer upp löftena tillsammans.",
            "The municipality and the police follow up the promises together.",
        ),
    ),
    "station": PictureData(
        "stationsomradet.jpg",
        "Stationsområdet (illustration)",
        alt=(
            "Tecknad bild: en tegelbyggnad med klocka, en station, och människor på perrongen.",
            "Drawing: a brick station building with a clock, and people on the platform.",
        ),
    ),
}
# Which page (by slug) shows which picture as its lead image; the rest have none.
LEAD_PICTURES = {
    SEED_ARTICLE.slug: "meeting",
    "trygghetsvandring-i-centrum": "walk",
    "nattvandrare-sokes": "park",
    "information-till-foraldrar-om-droger": "station",
    "om-medborgarloften": "park",
    PROMISES_2022.slug: "walk",
}
# The site's default sharing image, for pages without a lead image.
SHARE_PICTURE = "walk"
