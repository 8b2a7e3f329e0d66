from collections import Counter

from django.test import TestCase

from councils.models import Membership
from regional.models import SelfAssessment, Standard, StandardLevel, Theme
from tests.base import councillor_of, editor_of, regional_lead_of
from tests.factories import make_council, make_region

Role = Membership.Role


class ThematicTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = make_region(name="North West", slug="north-west")
        cls.other_region = make_region(name="South", slug="south")
        cls.councils = [
            make_council(name=f"Council {letter}", slug=f"council-{letter}", region=cls.region)
            for letter in "abcde"
        ]
        cls.outsider_council = make_council(name="Far Away", region=cls.other_region)
        cls.theme = Theme.objects.create(region=cls.region, year=2024, title="Carers")
        cls.standards = [
            Standard.objects.create(theme=cls.theme, number=n, text=f"Standard text {n}")
            for n in (1, 2, 3)
        ]
        # Levels per council for standards 1..3; council e has not assessed itself.
        cls.levels = {"a": (0, 2, 3), "b": (1, 1, 4), "c": (2, 0, 0), "d": (1, 2, 3)}
        for council in cls.councils[:4]:
            sa = SelfAssessment.objects.create(theme=cls.theme, council=council)
            for standard, level in zip(cls.standards, cls.levels[council.slug[-1]], strict=True):
                StandardLevel.objects.create(
                    self_assessment=sa,
                    standard=standard,
                    level=level,
                    strengths=f"Strength of {council.name} on {standard.number}"
                    if level >= 2
                    else "",
                    areas_for_development=f"Develop {council.name} on {standard.number}"
                    if level <= 1
                    else "",
                )
        cls.lead = regional_lead_of(cls.region)
        cls.editor_a = editor_of(cls.councils[0])
        cls.viewer_a = councillor_of(cls.councils[0])
        cls.outsider = editor_of(cls.outsider_council)
        cls.other_lead = regional_lead_of(cls.other_region)

    def page(self, user, url):
        self.client.force_login(user)
        return self.client.get(url)

    def test_summary_counts_match_counts_computed_here(self):
        response = self.page(self.viewer_a, f"/themes/{self.theme.pk}/")
        self.assertEqual(response.status_code, 200)
        rows = {row["standard"].number: row for row in response.context["rows"]}
        for index, standard in enumerate(self.standards):
            expected = Counter(levels[index] for levels in self.levels.values())
            self.assertEqual(
                rows[standard.number]["counts"], [expected.get(level, 0) for level in range(5)]
            )
        self.assertEqual(sum(rows[1]["counts"]), 4)

    def test_councils_below_level_1_are_listed_with_their_standards(self):
        response = self.page(self.lead, f"/themes/{self.theme.pk}/")
        below = [(council.name, numbers) for council, numbers in response.context["below"]]
        expected = sorted(
            (f"Council {letter}", [n + 1 for n, level in enumerate(levels) if level < 1])
            for letter, levels in self.levels.items()
            if min(levels) < 1
        )
        self.assertEqual(below, expected)
        self.assertEqual(below, [("Council a", [1]), ("Council c", [2, 3])])
        self.assertContains(response, "Councils below Level 1")

    def test_strengths_and_areas_for_development_are_gathered(self):
        response = self.page(self.lead, f"/themes/{self.theme.pk}/")
        self.assertContains(response, "Strength of Council c on 1")
        self.assertContains(response, "Develop Council b on 2")
        self.assertContains(response, "Council e</a>: not submitted")

    def test_regional_lead_adds_a_theme_with_numbered_standards(self):
        self.client.force_login(self.lead)
        response = self.client.post(
            "/regions/north-west/themes/new/",
            {
                "year": "2025",
                "title": "Safeguarding",
                "description": "",
                "standards": "First standard\n\nSecond standard\n",
            },
        )
        theme = Theme.objects.get(title="Safeguarding")
        self.assertRedirects(response, f"/themes/{theme.pk}/")
        self.assertEqual(
            list(theme.standards.values_list("number", "text")),
            [(1, "First standard"), (2, "Second standard")],
        )
        self.assertContains(self.client.get("/regions/north-west/themes/"), "Safeguarding")

    def test_theme_form_errors(self):
        self.client.force_login(self.lead)
        response = self.client.post("/regions/north-west/themes/new/", {"year": "", "title": ""})
        self.assertContains(response, "Enter the year")
        self.assertContains(response, "Enter the theme&#x27;s standards")
        self.assertContains(response, "<title>Error: ")

    def _answers(self, levels):
        data = {}
        for number, level in enumerate(levels, start=1):
            data[f"standard_{number}_level"] = str(level)
            data[f"standard_{number}_evidence"] = f"Evidence {number}"
            data[f"standard_{number}_strengths"] = ""
            data[f"standard_{number}_areas_for_development"] = "More to do"
        return data

    def test_council_editor_fills_in_their_own_self_assessment(self):
        self.client.force_login(self.editor_a)
        url = f"/themes/{self.theme.pk}/councils/council-a/"
        page = self.client.get(url)
        self.assertContains(page, "Level 1 is the minimum standard")
        self.assertContains(page, 'type="radio"')
        response = self.client.post(url, self._answers([4, 3, 1]))
        self.assertRedirects(response, f"/themes/{self.theme.pk}/")
        sa = SelfAssessment.objects.get(theme=self.theme, council=self.councils[0])
        self.assertIsNotNone(sa.submitted_at)
        self.assertEqual(list(sa.levels.values_list("level", flat=True)), [4, 3, 1])
        self.assertEqual(sa.levels.first().evidence, "Evidence 1")

    def test_a_new_self_assessment_is_created_on_submit(self):
        self.client.force_login(self.lead)
        url = f"/themes/{self.theme.pk}/councils/council-e/"
        self.client.post(url, self._answers([1, 1, 0]))
        sa = SelfAssessment.objects.get(theme=self.theme, council=self.councils[4])
        self.assertEqual(sa.levels.count(), 3)

    def test_missing_level_is_an_error(self):
        self.client.force_login(self.editor_a)
        data = self._answers([1, 1, 1])
        del data["standard_2_level"]
        response = self.client.post(f"/themes/{self.theme.pk}/councils/council-a/", data)
        self.assertContains(response, "Select a level for standard 2")

    def test_access(self):
        url = f"/themes/{self.theme.pk}/councils/council-a/"
        # Another council's editor in the region may read but not fill in.
        editor_b = editor_of(self.councils[1])
        self.client.force_login(editor_b)
        self.assertEqual(self.client.get(url).status_code, 200)
        self.assertNotContains(self.client.get(url), 'type="radio"')
        self.assertEqual(self.client.post(url, self._answers([4, 4, 4])).status_code, 403)
        self.client.force_login(self.viewer_a)
        self.assertEqual(self.client.post(url, self._answers([4, 4, 4])).status_code, 403)
        self.assertEqual(self.client.get("/regions/north-west/themes/new/").status_code, 403)
        for user in (self.outsider, self.other_lead):
            self.client.force_login(user)
            for page in (url, f"/themes/{self.theme.pk}/", "/regions/north-west/themes/"):
                self.assertEqual(self.client.get(page).status_code, 404, page)
        self.client.logout()
        self.assertEqual(self.client.get(f"/themes/{self.theme.pk}/").status_code, 302)

    def test_self_assessment_url_leads_to_the_council_page(self):
        sa = SelfAssessment.objects.get(theme=self.theme, council=self.councils[0])
        response = self.page(self.viewer_a, sa.get_absolute_url())
        self.assertRedirects(response, f"/themes/{self.theme.pk}/councils/council-a/")
        self.assertEqual(self.page(self.outsider, sa.get_absolute_url()).status_code, 404)
