"""The base django-tables2 table of every list: GOV.UK table markup, 25 rows a page, and rows
that export to .xlsx and CSV with the columns the page shows."""

import datetime

import django_tables2 as tables
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.template.defaultfilters import pluralize
from django.utils.functional import SimpleLazyObject
from django_tables2 import RequestConfig
from django_tables2.rows import BoundRows

PER_PAGE = 25
MAX_PER_PAGE = 100


class KeysFirstPaginator(Paginator):
    """Pages a table of model rows by slicing their primary keys first and then fetching
    only that page's rows. An OFFSET on the full query would work out every computed column
    (counts, flags) of all the skipped rows too, so a late page took as long as a list of
    every row before it."""

    def page(self, number):
        rows = self.object_list
        queryset = getattr(rows.data, "data", None)
        if not isinstance(queryset, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = list(queryset.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        by_key = {record.pk: record for record in queryset.filter(pk__in=keys)}
        page_rows = BoundRows(
            data=[by_key[key] for key in keys if key in by_key],
            table=rows.table,
            pinned_data=rows.pinned_data,
        )
        return self._get_page(page_rows, number, self)


class Table(tables.Table):
    """Rendered by ``templates/includes/table.html`` (DJANGO_TABLES2_TEMPLATE): a caption,
    sortable headers with ``aria-sort`` and GOV.UK pagination. Subclasses declare
    ``class Meta(Table.Meta)`` to keep these settings."""

    caption = ""

    class Meta:
        attrs = {
            "class": "govuk-table",
            "thead": {"class": "govuk-table__head"},
            "tbody": {"class": "govuk-table__body"},
            # tables2 adds ordering classes to sortable headers; GOV.UK needs none, and the
            # sort is told by aria-sort.
            "th": {
                "class": "govuk-table__header",
                "_ordering": dict.fromkeys(
                    ("orderable", "ascending", "descending"), "govuk-table__header"
                ),
            },
            "td": {"class": "govuk-table__cell"},
        }
        row_attrs = {"class": "govuk-table__row"}
        per_page = PER_PAGE

    def __init__(self, *args, caption=None, **kwargs):
        super().__init__(*args, **kwargs)
        if caption is not None:
            self.caption = caption

    def paginate(self, *args, per_page=None, **kwargs):
        """``?per_page=`` may ask for fewer or more rows, up to MAX_PER_PAGE."""
        per_page = max(1, min(per_page or PER_PAGE, MAX_PER_PAGE))
        kwargs.setdefault("paginator_class", KeysFirstPaginator)
        return super().paginate(*args, per_page=per_page, **kwargs)

    def get_column_class_names(self, classes_set, bound_column):
        """Only the classes the column asks for: tables2 would add its name, "orderable" and
        "asc", which GOV.UK styles do not use."""
        return classes_set

    def page_cells(self):
        """Each row of this page as (``<td>`` attributes, cell) pairs: the attributes are
        worked out once a column, not once a cell as tables2's own template does."""
        columns = list(self.columns)
        cell_attrs = [column.attrs["td"].as_html() for column in columns]
        for row in self.paginated_rows:
            yield [
                (attrs, row.get_cell(column.name))
                for attrs, column in zip(cell_attrs, columns, strict=True)
            ]

    @property
    def sorted_by(self):
        """The column the rows are sorted by and whether descending, for the words that tell
        screen reader users; None when the rows are in their default order."""
        for column in self.columns:
            if column.orderable and column.is_ordered:
                return column, column.order_by_alias.is_descending
        return None

    def export_rows(self):
        """The header row and then every row (not just this page) as plain values: text,
        numbers and dates, the same columns as on the page."""
        return self.as_values()


def configure(table, request, *, paginate=True):
    """Sort from ``?sort=`` and show the page from ``?page=``, as people asked for."""
    RequestConfig(request, paginate={"per_page": PER_PAGE} if paginate else False).configure(table)
    return table


def lazily_configured(make_table, request, noun):
    """The table sorted and paged as ``configure`` does, captioned with how many ``noun`` it
    holds: worked out on first use, so not at all when the page's cached part is fresh."""

    def build():
        table = configure(make_table(), request)
        count = table.paginator.count
        table.caption = f"{count} {noun}{pluralize(count)}"
        return table

    return SimpleLazyObject(build)


class NumericColumn(tables.Column):
    """A number, right-aligned as GOV.UK tables do."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "attrs",
            {
                "th": {"class": "govuk-table__header govuk-table__header--numeric"},
                "td": {"class": "govuk-table__cell govuk-table__cell--numeric"},
            },
        )
        super().__init__(*args, **kwargs)


class DateColumn(tables.Column):
    """A date shown as "5 Mar 2025"; exported as a date, so a spreadsheet can sort it."""

    def __init__(self, *args, format="j M Y", **kwargs):
        self.format = format
        super().__init__(*args, **kwargs)

    def render(self, value):
        from django.utils.dateformat import format as format_date

        return format_date(value, self.format)

    def value(self, value):
        return value if isinstance(value, datetime.date) else None
