"""The migration from one quality statement to a set copies each recommendation's statement,
in its history records too, and going back keeps one of them."""

from datetime import date

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase

# The reviews as the statement set's migration finds them (later fields of a review have no
# default in the database, so a review is made with the model of that state).
REVIEWS = ("reviews", "0014_more_kinds_of_source")
BEFORE = [("recommendations", "0006_quality_statement"), REVIEWS]
AFTER = [("recommendations", "0007_quality_statements"), REVIEWS]


class StatementSetMigrationTests(TransactionTestCase):
    def migrate(self, targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    def tearDown(self):
        self.migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    def test_each_statement_becomes_the_set_and_back(self):
        apps = self.migrate(BEFORE)
        Region = apps.get_model("councils", "Region")
        Council = apps.get_model("councils", "Council")
        Review = apps.get_model("reviews", "Review")
        Recommendation = apps.get_model("recommendations", "Recommendation")
        Historical = apps.get_model("recommendations", "HistoricalRecommendation")
        statement = apps.get_model("reviews", "QualityStatement").objects.order_by("pk").first()
        if statement is None:
            # A transactional test run before this one emptied the framework's tables.
            framework = apps.get_model("reviews", "Framework").objects.create(
                code="test", name="Framework", version="1", applies_from=date(2023, 4, 1)
            )
            theme = apps.get_model("reviews", "FrameworkTheme").objects.create(
                framework=framework, number=1, name="Working with people"
            )
            statement = apps.get_model("reviews", "QualityStatement").objects.create(
                theme=theme,
                number=1,
                code="assessing-needs",
                name="Assessing needs",
                we_statement="We maximise the effectiveness of people's care.",
            )
        region = Region.objects.create(name="Region", slug="region")
        council = Council.objects.create(name="Council", slug="council", region=region)
        review = Review.objects.create(
            host_council=council,
            title="Review",
            visit_start=date(2025, 1, 6),
            visit_end=date(2025, 1, 8),
        )
        tagged = Recommendation.objects.create(
            review=review, number=1, text="Tagged", quality_statement=statement
        )
        untagged = Recommendation.objects.create(review=review, number=2, text="Untagged")
        Historical.objects.create(
            id=tagged.pk,
            review_id=review.pk,
            number=1,
            text="Tagged",
            quality_statement_id=statement.pk,
            history_date="2025-01-09T10:00:00Z",
            history_type="+",
            created_at="2025-01-09T10:00:00Z",
            updated_at="2025-01-09T10:00:00Z",
            exempt=False,
        )

        apps = self.migrate(AFTER)
        Recommendation = apps.get_model("recommendations", "Recommendation")
        HistoricalSet = apps.get_model(
            "recommendations", "HistoricalRecommendation_quality_statements"
        )
        self.assertEqual(
            list(
                Recommendation.objects.get(pk=tagged.pk).quality_statements.values_list(
                    "pk", flat=True
                )
            ),
            [statement.pk],
        )
        self.assertFalse(Recommendation.objects.get(pk=untagged.pk).quality_statements.exists())
        self.assertEqual(
            list(HistoricalSet.objects.values_list("recommendation_id", "qualitystatement_id")),
            [(tagged.pk, statement.pk)],
        )

        apps = self.migrate(BEFORE)
        Recommendation = apps.get_model("recommendations", "Recommendation")
        self.assertEqual(
            Recommendation.objects.get(pk=tagged.pk).quality_statement_id, statement.pk
        )
        self.assertIsNone(Recommendation.objects.get(pk=untagged.pk).quality_statement_id)
