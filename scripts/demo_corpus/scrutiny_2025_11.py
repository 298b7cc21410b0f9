"""Children and Young People's Scrutiny Committee, 18 November 2025 (eScribe-style Markdown)."""

from __future__ import annotations

from .model import Doc

NOVEMBER_2025 = """
---
title: 4th Meeting of the Children and Young People's Scrutiny Committee
date: 2025-11-18
---
November 18, 2025, at 10:00 AM

[Original link](<https://fernleigh.example/Meeting.aspx?Id=cyp-2025-11-18&Agenda=PostMinutes>)

> [!abstract]- Present:
> J. Rowe (Chair), A. Hassan, B. Kemp, M. Ellery, N. Fitch, P. Quint, K. Osei, R. Sato

> [!abstract]- Also Present:
> P. Raman (Cabinet Member for Children, Young People and Education), S. Achebe, L. Haddad,
A. Sorensen (NHS Fernleigh and Wenvale ICB), K. Ashby (Fernleigh Parent Carer Forum)

The meeting is called to order at 10:00 AM.

# 1.&nbsp;&nbsp;&nbsp;Disclosures of Interest

That it BE NOTED that Councillor B. Kemp disclosed an interest in item 2.1 as the parent of a
child with an EHC plan; it being noted that the interest was not pecuniary.

# 2.&nbsp;&nbsp;&nbsp;Items for Direction

## 2.1&nbsp;&nbsp;&nbsp;Area SEND Monitoring Inspection - Letter of 17 October 2025

[2025-11-18 Report - SEND Monitoring](<https://fernleigh.example/filestream.ashx?Id=7741>)

L. Haddad presented the outcome of the monitoring inspection carried out by Ofsted and the Care
Quality Commission from 15 to 17 September 2025. Inspectors found sufficient progress on the
timeliness and quality of EHC plans, where 68% of new plans were issued within 20 weeks in the
12 months to August 2025, but not sufficient progress on neurodevelopmental assessments, where
the average wait was still 74 weeks. Inspectors also found that oversight of alternative
provision had not improved enough.

K. Ashby said parents had noticed the faster replies from the single SEND contact point, but
that families waiting for an autism or ADHD assessment felt forgotten.

A. Sorensen said the ICB had agreed to fund a second visiting assessment team from January
2026 and that its revised trajectory showed the average wait falling below 52 weeks by
September 2026, six months later than the original target.

The Committee asked for the updated priority action plan to include a named lead and a date
for every action on alternative provision.

ACTION: A. Sorensen to provide the Committee with the ICB's monthly neurodevelopmental waiting
time trajectory, by district, from January 2026.

ACTION: L. Haddad to circulate the updated priority action plan to members before it is
submitted to Ofsted and CQC.

> Moved by J. Rowe

> Seconded by A. Hassan

That, on the recommendation of the Director of Education and SEND, the following actions be
taken:

a) the letter from Ofsted and the Care Quality Commission dated 17 October 2025 on the area SEND
monitoring inspection BE NOTED;

b) the Health Overview and Scrutiny Committee BE ASKED to hold a joint session with this
Committee on neurodevelopmental assessment waiting times before March 2026; and

c) the Cabinet Member for Children, Young People and Education BE REQUESTED to report to this
Committee in January 2026 on the oversight of alternative provision, including unregistered
providers.

> [!abstract]- Vote:
> |Yeas:|Absent:|
> |-|-|
> |J. Rowe||
> |A. Hassan||
> |B. Kemp||
> |M. Ellery||
> |N. Fitch||
> |P. Quint||
> |K. Osei||
> |R. Sato||

> **Motion Passed (8 to 0)**

****

## 2.2&nbsp;&nbsp;&nbsp;Automatic Enrolment for Free School Meals - Progress

[2025-11-18 Report - Free School Meals](<https://fernleigh.example/filestream.ashx?Id=7742>)

> Moved by K. Osei

> Seconded by N. Fitch

That it BE NOTED that automatic enrolment for free school meals began in September 2025 with
data sharing agreements in place with four of the five district councils, and that 2,140
additional children had been registered by the end of October 2025.

> **Motion Passed (8 to 0)**

# 3.&nbsp;&nbsp;&nbsp;Adjournment

The meeting adjourned at 12:20 PM.
"""

DOC = Doc(
    "children-and-young-peoples-scrutiny-committee/2025-11-18/"
    "2025-11-18 4th Meeting of the Children and Young People's Scrutiny Committee.md",
    "md",
    "4th Meeting of the Children and Young People's Scrutiny Committee",
    NOVEMBER_2025,
)
