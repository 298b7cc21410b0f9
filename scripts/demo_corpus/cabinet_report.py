"""Cabinet report 24/00071, 19 September 2024: Area SEND Inspection - Priority Action Plan."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

REPORT = """
**From: **Cllr Priya Raman, Cabinet Member for Children, Young People and Education; Simon
Achebe, Corporate Director Children, Young People and Education

**To: **Cabinet - 19 September 2024

**Subject: **24/00071 - Area SEND Inspection: Priority Action Plan

**Decision no: **24/00071

**Key decision: **Yes - it involves expenditure of more than £1 million and affects more than
two electoral divisions

**Classification: **Unrestricted

**Electoral divisions: **All

## Summary

Ofsted and the Care Quality Commission (CQC) inspected the local area partnership for children
and young people with special educational needs and disabilities (SEND) from 10 to 14 June
2024. The inspection found widespread and/or systemic failings. The partnership must submit a
Priority Action Plan addressing the two areas for priority action. This report presents the
plan and the investment needed to deliver it.

## Recommendations

The Cabinet is asked to:

> (a) NOTE the findings of the area SEND inspection;

> (b) APPROVE the Priority Action Plan at Appendix A for submission to Ofsted and CQC by 8
October 2024;

> (c) APPROVE additional investment of £3.2 million in 2024-25 and £4.5 million in 2025-26;

> (d) AGREE to establish a SEND Improvement Board with an independent chair; and

> (e) DELEGATE authority to the Corporate Director Children, Young People and Education to
make minor changes to the plan before submission.

## 1. Introduction

1.1 The council and NHS Fernleigh and Wenvale Integrated Care Board are jointly responsible
for services for children and young people with SEND. The previous inspection, in March 2019,
required a Written Statement of Action, which was closed in 2021.

1.2 The inspection report was published on 26 July 2024. It found that too many children wait
too long to have their needs identified and met, and that many families have lost confidence
in the partnership.

---page---

## 2. Demand and performance

2.1 Demand for EHC needs assessments has grown quickly. The table below sets out the main
measures.

| Measure | 2022 | 2023 | 2024 (latest) |

| Requests for EHC needs assessment | 1,691 | 2,148 | 1,312 (Jan to Jul) |

| Children and young people with an EHC plan (January) | 6,410 | 7,105 | 7,930 |

| New EHC plans issued within 20 weeks | 44% | 31% | 39% (July) |

| Annual reviews completed on time | 52% | 41% | 38% (year to March) |

| Average wait for a neurodevelopmental assessment (weeks) | 71 | 89 | 98 |

| Children waiting for a neurodevelopmental assessment | 1,240 | 1,655 | 1,870 |

2.2 Requests for EHC needs assessment rose by 27 per cent between 2022 and 2023, compared with
about 20 per cent nationally. The number of educational psychologists employed by the council
fell from 31 full-time equivalent posts to 24 over the same period, which is the main reason
for the fall in timeliness.

2.3 The average wait from referral to a first speech and language therapy appointment is 41
weeks. The ICB has commissioned additional therapy capacity from October 2024.

## 3. The Priority Action Plan

3.1 The plan has four workstreams, each with a senior lead from the council or the ICB:

* Workstream 1: EHC needs assessment and plan quality (lead: Director of Education and SEND).

* Workstream 2: Neurodevelopmental pathway and waiting well (lead: ICB Chief Nursing
Officer).

* Workstream 3: Speech, language and communication (lead: ICB Director of Commissioning).

* Workstream 4: Communication and co-production with families (lead: Assistant Director SEND,
with the Fernleigh Parent Carer Forum).

3.2 The plan's main targets are:

* 60% of new EHC plans issued within 20 weeks by September 2025, and 75% by March 2026.

* 80% of annual reviews completed within statutory timescales by March 2026.

* An average wait for a neurodevelopmental assessment of under 52 weeks by March 2026.

* An average wait for a first speech and language therapy appointment of under 18 weeks by
March 2026.

* Every email or call to the SEND team answered within five working days from January 2025.

---page---

## 4. Financial implications

4.1 Delivering the plan requires additional council investment of £3.2 million in 2024-25 and
£4.5 million in 2025-26, falling to a recurring £3.9 million a year from 2026-27. The main
items are 18 additional EHC coordinators (£0.9 million a year), 6 additional educational
psychologists (£0.6 million a year) and a temporary team to clear the backlog of annual reviews
(£1.1 million in 2024-25).

4.2 The ICB will invest £2.1 million over two years in neurodevelopmental assessment capacity
and the waiting well offer.

4.3 The high needs block of the Dedicated Schools Grant had a cumulative deficit of £63.2
million at 31 March 2024, forecast to rise to £88.5 million by 31 March 2025. The statutory
override that keeps this deficit off the council's general fund ends in March 2026. This is the
most serious financial risk the council faces.

## 5. Legal implications

5.1 The inspection was carried out under section 20 of the Children Act 2004. The council has
statutory duties under Part 3 of the Children and Families Act 2014, including the duty to
issue an EHC plan within 20 weeks of a request for assessment, subject to limited exceptions.

## 6. Equalities implications

6.1 An equality impact assessment has been completed. The plan is expected to have a positive
impact on disabled children and young people and their families.

## 7. Background documents

Area SEND inspection of Fernleigh Local Area Partnership, published 26 July 2024.

## 8. Contact details

Report author: Lorna Haddad, Director of Education and SEND. Telephone: 01632 960520.

Relevant director: Simon Achebe, Corporate Director Children, Young People and Education.
"""

DOCS = [
    Doc(
        "cabinet/2024-09-19/24-00071 - Area SEND Inspection Priority Action Plan - Report.pdf",
        "pdf",
        "24/00071 - Area SEND Inspection: Priority Action Plan - Report",
        REPORT,
        created=fixed_time(2024, 9, 11),
    ),
]
