"""Environment and Transport Cabinet Committee, 21 January 2025 (eScribe-style Markdown), and
the Cabinet decision 25/00019 on home to school transport, 13 March 2025 (ModernGov HTML)."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

TRANSPORT_2025 = """
---
title: 3rd Meeting of the Environment and Transport Cabinet Committee
date: 2025-01-21
---
January 21, 2025, at 2:00 PM

[Original link](<https://fernleigh.example/Meeting.aspx?Id=etcc-2025-01-21&Agenda=PostMinutes>)

> [!abstract]- Present:
> G. Lowe (Chair), T. Ashdown, F. Draycott, N. Fitch, A. Hassan, S. Greaves, W. Nash,
D. Varley, E. Tanner, C. Mbeki

> [!abstract]- Also Present:
> I. Buckley, R. Cheung (Head of Transport Strategy), J. Pell

The meeting is called to order at 2:00 PM.

# 1.&nbsp;&nbsp;&nbsp;Disclosures of Interest

That it BE NOTED that no pecuniary interests were disclosed.

# 2.&nbsp;&nbsp;&nbsp;Items for Direction

## 2.1&nbsp;&nbsp;&nbsp;Integrated Transport Plan 2024-2034 - Annual Progress Report

[2025-01-21 Report - ITP Annual Progress](<https://fernleigh.example/filestream.ashx?Id=6120>)

R. Cheung presented the first annual progress report on the Integrated Transport Plan, as
requested by Cabinet when it adopted the Plan on 14 March 2024. Bus patronage in 2024 was 6.2%
higher than the 2023 baseline, against the Plan's target of a 20% increase by 2030. Four of
the 15 planned mobility hubs had opened, at Ashcombe Station, Brindlebury Market Square,
Holtmoor Green and Wenmouth Quay. Construction of the Brindlebury to Ashcombe rapid bus
corridor had started in October 2024 and was due to finish in summer 2026.

I. Buckley reported that the Department for Transport had approved the outline business case
for the Holtmoor Relief Road on 9 December 2024, with a grant of up to £72.1 million, and that
a planning application for the road had been submitted in November 2024.

> Moved by T. Ashdown

> Seconded by F. Draycott

That it BE NOTED that the Integrated Transport Plan 2024-2034 Annual Progress Report was
received.

> **Motion Passed (10 to 0)**

****

## 2.2&nbsp;&nbsp;&nbsp;Bus Service Improvement Plan Review - Rural Sunday Services

[2025-01-21 Report - Rural Sunday Services](<https://fernleigh.example/filestream.ashx?Id=6121>)

R. Cheung presented the review of Sunday services on Routes 47 and 63 requested by the County
Council on 18 July 2024. Modelling showed that a restored Sunday service on Route 47
(Sallowfield - Brindlebury - Ashcombe) would carry about 38 passengers per journey, while a
Sunday service on Route 63 (Wenmouth - Holtmoor) would carry fewer than 8.

N. Fitch welcomed the return of Route 47 but said villages on Route 63 would still have no
Sunday bus. T. Ashdown said a demand-responsive bus, to be called Fernleigh Flex, would be
piloted in the Wenmouth and Holtmoor area from September 2025.

> Moved by T. Ashdown

> Seconded by G. Lowe

That, on the recommendation of the Corporate Director Growth, Environment and Transport, the
following actions be taken:

a) the Sunday service on Route 47 BE RESTORED from 6 April 2025, at an annual cost of £184,000
to be met from the Bus Service Improvement Plan grant;

b) a Sunday service on Route 63 NOT BE RESTORED, and a demand-responsive bus pilot BE
DEVELOPED for the Wenmouth and Holtmoor area, to start in September 2025; and

c) the outcome of the review BE REPORTED to the County Council.

> [!abstract]- Vote:
> |Yeas:|Nays:|
> |-|-|
> |G. Lowe|N. Fitch|
> |T. Ashdown||
> |F. Draycott||
> |A. Hassan||
> |S. Greaves||
> |W. Nash||
> |D. Varley||
> |E. Tanner||
> |C. Mbeki||

> **Motion Passed (9 to 1)**

****

# 3.&nbsp;&nbsp;&nbsp;Adjournment

The meeting adjourned at 3:35 PM.
"""

DECISION_2025 = """
# Decision - 25/00019 - Home to School Transport Policy 2025-26

## Decision details

**Decision Maker: **Cabinet

**Decision status: **Recommendations Approved

**Is Key decision?: **Yes

**Is subject to call in?: **Yes

## Purpose:

To agree the council's Home to School Transport Policy and Post-16 Transport Policy Statement
for the 2025-26 academic year.

## Decision:

Cabinet agreed to:

* (a) adopt the Home to School Transport Policy 2025-26 and the Post-16 Transport Policy
Statement 2025-26;

* (b) introduce an annual contribution of £650 towards transport for post-16 students with SEND
from September 2025, reduced to £325 for families on low incomes;

* (c) offer personal transport budgets, paid at 45p per mile, to every family of an eligible
child as an alternative to a taxi or minibus place; and

* (d) ask the Cabinet Member for Highways and Transport to report on the effect of the changes
to the Children and Young People's Scrutiny Committee in March 2026.

## Reasons for the decision:

Spending on home to school transport is forecast to reach £71.3 million in 2024-25, up from
£52.9 million in 2022-23, mainly because of the rising number of children with EHC plans who
are eligible for transport. The service is forecast to overspend by £6.9 million in 2024-25.
The post-16 contribution brings the council into line with most other county councils and is
expected to raise about £0.8 million a year. Consultation from 6 January to 16 February 2025
received 1,406 responses.

## Alternative options considered:

Making no change to post-16 transport was rejected because of the financial position. A
contribution of £900 a year was considered and rejected because of its impact on families.

## Interests and Dispensations:

None declared.

**Publication date: **17/03/2025

**Date of decision: **13/03/2025

**Decided at meeting: **13/03/2025 - Cabinet

**Effective from: **25/03/2025

**Accompanying Documents: **25-00019 - Home to School Transport Policy 2025-26 - Report (PDF
412 KB); Appendix A - Home to School Transport Policy 2025-26 (PDF 1 MB); Appendix B -
Consultation Report (PDF 2 MB); Record of Decision (PDF 98 KB)
"""

DOCS = [
    Doc(
        "environment-and-transport-cabinet-committee/2025-01-21/"
        "2025-01-21 3rd Meeting of the Environment and Transport Cabinet Committee.md",
        "md",
        "3rd Meeting of the Environment and Transport Cabinet Committee",
        TRANSPORT_2025,
    ),
    Doc(
        "cabinet/2025-03-13/Decision - 25-00019 - Home to School Transport Policy 2025-26.html",
        "html",
        "Decision - 25/00019 - Home to School Transport Policy 2025-26",
        DECISION_2025,
        created=fixed_time(2025, 3, 17),
        extra={"breadcrumbs": "Cabinet > Decisions > 25/00019"},
    ),
]
