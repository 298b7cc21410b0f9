"""The ModernGov-style page chrome wrapped around an HTML document's content.

Everything here except the ``mgContent`` div is boilerplate a loader must drop: the skip link,
the cookie banner, the site menu, the breadcrumbs, the search box, the footer and scripts.
"""

from __future__ import annotations

import html

from .model import Doc

_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | Fernleigh County Council</title>
<link rel="stylesheet" href="SiteSpecific/ssMgStyles.css">
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  var mgCookieConsent = {{ analytics: false, banner: "Accept all cookies" }};
</script>
<style>.cookie-banner{{position:fixed;bottom:0}} .mgHide{{display:none}}</style>
</head>
<body class="mgBody">
<a class="skip-link" href="#modgov">Skip to main content</a>
<div class="cookie-banner" id="cookieBanner" role="region" aria-label="Cookies on this site">
<h2>Cookies on fernleigh.example</h2>
<p>We use some essential cookies to make this website work. We would also like to set analytics
cookies to understand how you use the site and to improve our services.</p>
<button type="button">Accept analytics cookies</button>
<button type="button">Reject analytics cookies</button>
<a href="/cookies">View cookies policy</a>
</div>
<header class="site-header">
<a class="logo" href="/"><img src="/images/fcc-logo.svg" alt="Fernleigh County Council"></a>
<form class="site-search" action="/search"><label for="q">Search this site</label>
<input id="q" name="q" type="search"><button type="submit">Search</button></form>
</header>
<nav class="site-menu" aria-label="Main menu">
<ul>
<li><a href="/bins-and-recycling">Bins, rubbish and recycling</a></li>
<li><a href="/roads-and-travel">Roads, travel and parking</a></li>
<li><a href="/schools">Schools and education</a></li>
<li><a href="/social-care">Social care and health</a></li>
<li><a href="/council-and-democracy">Council and democracy</a></li>
<li><a href="/jobs">Jobs and careers</a></li>
</ul>
</nav>
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="/">Home</a></li>
<li><a href="/council-and-democracy">Council and democracy</a></li>
<li><a href="mgListCommittees.aspx">Committee structure</a></li>
{crumbs}
</ol>
</nav>
<div id="modgov">
<div class="mgLinks"><ul>
<li><a href="mgCalendarMonthView.aspx">Meetings calendar</a></li>
<li><a href="mgMemberIndex.aspx">Your councillors</a></li>
<li><a href="mgDelegatedDecisions.aspx">Officer decisions</a></li>
<li><a href="mgPlansHome.aspx">Forward plans</a></li>
</ul></div>
<div class="mgContent">
"""

_TAIL = """
</div>
<p class="mgPrintLink"><a href="javascript:window.print()">Print this page</a></p>
</div>
<footer class="site-footer">
<ul>
<li><a href="/accessibility">Accessibility statement</a></li>
<li><a href="/privacy">Privacy notice</a></li>
<li><a href="/cookies">Cookies</a></li>
<li><a href="/contact-us">Contact us</a></li>
</ul>
<p>&copy; Fernleigh County Council, County Hall, Castle Street, Ashcombe FN1 2CH</p>
<p class="mgFooter">Powered by a committee management system. Page last updated {updated}.</p>
</footer>
<script src="/js/cookie-consent.js"></script>
<script>
  document.getElementById('cookieBanner').addEventListener('click', function () {{
    document.cookie = 'fcc_consent=1; path=/';
  }});
</script>
</body>
</html>
"""


def moderngov_page(doc: Doc, content: str) -> str:
    """Wrap ``content`` (already HTML) in the council's ModernGov page chrome."""
    crumbs = [c.strip() for c in doc.extra.get("breadcrumbs", "").split(">") if c.strip()]
    crumb_html = "\n".join(f'<li><a href="#">{html.escape(c)}</a></li>' for c in crumbs)
    head = _HEAD.format(title=html.escape(doc.title), crumbs=crumb_html)
    updated = doc.created.strftime("%d/%m/%Y")
    return head + content + _TAIL.format(updated=updated)
