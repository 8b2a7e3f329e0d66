"""England's nine ADASS regions, and the councils of the two regions in the demo data."""

REGIONS = [
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "Eastern",
    "London",
    "South East",
    "South West",
]

# (region, council, kind): the upper-tier councils of the North West and West Midlands
# at the time of the source papers.
COUNCILS = [
    ("North West", "Blackburn with Darwen Borough Council", "unitary"),
    ("North West", "Blackpool Council", "unitary"),
    ("North West", "Bolton Council", "metropolitan_borough"),
    ("North West", "Bury Council", "metropolitan_borough"),
    ("North West", "Cheshire East Council", "unitary"),
    ("North West", "Cheshire West and Chester Council", "unitary"),
    ("North West", "Cumbria County Council", "county"),
    ("North West", "Halton Borough Council", "unitary"),
    ("North West", "Knowsley Council", "metropolitan_borough"),
    ("North West", "Lancashire County Council", "county"),
    ("North West", "Liverpool City Council", "metropolitan_borough"),
    ("North West", "Manchester City Council", "metropolitan_borough"),
    ("North West", "Oldham Council", "metropolitan_borough"),
    ("North West", "Rochdale Borough Council", "metropolitan_borough"),
    ("North West", "Salford City Council", "metropolitan_borough"),
    ("North West", "Sefton Metropolitan Borough Council", "metropolitan_borough"),
    ("North West", "St Helens Council", "metropolitan_borough"),
    ("North West", "Stockport Metropolitan Borough Council", "metropolitan_borough"),
    ("North West", "Tameside Metropolitan Borough Council", "metropolitan_borough"),
    ("North West", "Trafford Council", "metropolitan_borough"),
    ("North West", "Warrington Borough Council", "unitary"),
    ("North West", "Wigan Council", "metropolitan_borough"),
    ("North West", "Wirral Metropolitan Borough Council", "metropolitan_borough"),
    ("West Midlands", "Birmingham City Council", "metropolitan_borough"),
    ("West Midlands", "Coventry City Council", "metropolitan_borough"),
    ("West Midlands", "Dudley Metropolitan Borough Council", "metropolitan_borough"),
    ("West Midlands", "Herefordshire Council", "unitary"),
    ("West Midlands", "Sandwell Metropolitan Borough Council", "metropolitan_borough"),
    ("West Midlands", "Shropshire Council", "unitary"),
    ("West Midlands", "Solihull Metropolitan Borough Council", "metropolitan_borough"),
    ("West Midlands", "Staffordshire County Council", "county"),
    ("West Midlands", "Stoke-on-Trent City Council", "unitary"),
    ("West Midlands", "Telford and Wrekin Council", "unitary"),
    ("West Midlands", "Walsall Council", "metropolitan_borough"),
    ("West Midlands", "Warwickshire County Council", "county"),
    ("West Midlands", "City of Wolverhampton Council", "metropolitan_borough"),
    ("West Midlands", "Worcestershire County Council", "county"),
]

# Postal addresses printed on letterheads (from the letters in the source papers).
ADDRESSES = {
    "Shropshire Council": (
        "Adult Services\nShirehall\nAbbey Foregate\nShrewsbury\nShropshire SY2 6ND"
    ),
    "Walsall Council": "Council House\nLichfield Street\nWalsall\nWS1 1TP",
}
