"""Every starting point is reached by links from the home page, for each demo role.

A crawler signs in as each demo user, starts at ``/`` and follows the links of every page it
may open (GET only, as a person clicking), a few pages of each kind. It fails when a page that
role uses is never reached, or when any link answers "not found" or a server error: a feature
nobody links to does not exist for its users.
"""

from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import Resolver404, resolve

from tests.demo import load_demo_copy
from tests.test_demo import FAST_HASHING

# How many different pages of one kind (one URL pattern) the crawler opens: enough to follow
# every kind of link, few enough to keep the walk short.
PAGES_OF_A_KIND = 3
# Downloads are fetched once per kind: their links are checked, their content is not HTML.
DOWNLOADS = (".pdf", ".xlsx", ".csv")
NOT_FOLLOWED = ("/sign-out/", "/admin/")

# The starting points each demo role must find by clicking (URL names).
EVERYONE = {
    "home",
    "councils:list",
    "account",
    "password_change",
    "public_index",
    "accessibility",
    "api:documentation",
    "open_data",
    "two_factor",
    "two_factor_setup",
}
MUST_REACH = {
    "admin": EVERYONE
    | {
        "reviews:new",
        "councils:detail",
        "councils:region",
        "councils:people",
        "regional:reciprocity",
        "audit_sign_ins",
        "audit_roles",
    },
    "sefton.editor": EVERYONE
    | {
        "councils:detail",
        "councils:people",
        "improvement_plans:plan",
        "improvement_plans:new_plan",
        "improvement_plans:new_action",
        "improvement_plans:update",
        "improvement_plans:edit_action",
        "improvement_plans:milestones",
        "improvement_plans:import",
        "improvement_plans:report_pdf",
        "improvement_plans:report_xlsx",
        "improvement_plans:export",
        "improvement_plans:actions",
        "improvement_plans:edit_plan",
        "recommendations:detail",
        "recommendations:respond",
        "recommendations:respond_all",
        "regional:new_practice",
        "regional:council_risk",
    },
    "walsall.editor": EVERYONE
    | {
        "councils:detail",
        "councils:people",
        "reviews:detail",
        "reviews:letter",
        "recommendations:respond",
        "improvement_plans:new_plan",
        "reviews:cqc:new",
        "reviews:cqc:assessment",
        "reviews:cqc:corrections",
        "reviews:cqc:corrections_xlsx",
        "improvement_plans:library:index",
        "improvement_plans:library:new",
        "improvement_plans:library:edit",
        "improvement_plans:library:remove",
        "improvement_plans:library:index_xlsx",
        "improvement_plans:library:index_pdf",
        "improvement_plans:self_assessment:list",
        "improvement_plans:self_assessment:new",
        "improvement_plans:self_assessment:detail",
        "improvement_plans:self_assessment:answer",
    },
    "sefton.councillor": EVERYONE
    | {
        "councils:detail",
        "improvement_plans:plan",
        "improvement_plans:action",
        "improvement_plans:report_pdf",
        "recommendations:detail",
        "improvement_plans:library:index",
    },
    "peer.lead": EVERYONE
    | {
        "reviews:detail",
        "reviews:edit",
        "reviews:team",
        "reviews:scope",
        "reviews:findings",
        "reviews:letter",
        "reviews:edit_letter",
        "recommendations:detail",
        "recommendations:amend",
    },
    "peer.member": EVERYONE | {"reviews:detail", "recommendations:detail"},
    "nw.lead": EVERYONE
    | {
        "reviews:new",
        "councils:detail",
        "councils:people",
        "councils:region",
        "regional:risk_year",
        "regional:triggers",
        "regional:new_trigger",
        "regional:support_menu",
        "regional:themes",
        "regional:new_theme",
        "regional:indicators",
        "regional:directory",
        "regional:reciprocity",
        "regional:new_support_type",
        "regional:new_measure",
        "regional:import_readings",
        "regional:new_practice",
        "regional:matches",
    },
    "wm.lead": EVERYONE
    | {
        "reviews:new",
        "councils:detail",
        "councils:region",
        "reviews:detail",
        "regional:risk_year",
        "reviews:cqc:assessment",
        "improvement_plans:library:index",
        "improvement_plans:self_assessment:list",
        "improvement_plans:self_assessment:detail",
        "improvement_plans:self_assessment:challenge",
    },
}


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.links.append(href)


def links_of(html, base):
    parser = LinkParser()
    parser.feed(html)
    for href in parser.links:
        url = urldefrag(urljoin(base, href))[0]
        parts = urlsplit(url)
        if parts.netloc not in {"", "testserver"} or parts.scheme not in {"", "http"}:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path and not path.startswith(NOT_FOLLOWED):
            yield path


@FAST_HASHING
class ReachableByClickingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo_copy()

    def crawl(self, username):
        """The route names reached from the home page, and every link that failed."""
        self.client.force_login(get_user_model().objects.get(username=username))
        seen, reached, broken = {"/"}, set(), []
        opened = Counter()
        queue = deque([("/", "the home page")])
        while queue:
            url, found_on = queue.popleft()
            try:
                route = resolve(urlsplit(url).path).view_name
            except Resolver404:
                broken.append(f"{url} (linked from {found_on}) matches no page")
                continue
            if opened[route] >= (1 if url.split("?")[0].endswith(DOWNLOADS) else PAGES_OF_A_KIND):
                continue
            opened[route] += 1
            response = self.client.get(url)
            if response.status_code in {404, 500} or response.status_code >= 500:
                broken.append(f"{url} (linked from {found_on}) answers {response.status_code}")
                continue
            if response.status_code == 403:
                broken.append(f"{url} (linked from {found_on}) is refused (403)")
                continue
            reached.add(route)
            if response.status_code in {301, 302}:
                target = response["Location"]
                if target not in seen:
                    seen.add(target)
                    queue.append((target, url))
                continue
            if "text/html" not in response.get("Content-Type", ""):
                continue
            for link in links_of(response.content.decode(), url):
                if link not in seen:
                    seen.add(link)
                    queue.append((link, url))
        return reached, broken

    def test_every_demo_role_reaches_its_starting_points_by_links(self):
        for username, expected in MUST_REACH.items():
            with self.subTest(user=username):
                reached, broken = self.crawl(username)
                self.assertFalse(broken, "\n".join(broken))
                self.assertFalse(
                    expected - reached,
                    f"{username} cannot reach by clicking: {sorted(expected - reached)}",
                )
