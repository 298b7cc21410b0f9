"""Inspections: the area SEND full inspection (June 2024) and the care leavers focused visit."""

from __future__ import annotations

from .model import Doc
from .render import fixed_time

SEND_FULL = """
Local area partnership report

# Area SEND inspection of Fernleigh Local Area Partnership

Inspection dates: 10 to 14 June 2024

Dates of previous inspection: 4 to 8 March 2019

## Inspection outcome

The local area partnership's arrangements lead to widespread and/or systemic failings,
causing significant concerns about the experiences and outcomes of children and young people
with special educational needs and/or disabilities (SEND). The partnership must address these
urgently.

Ofsted and CQC will carry out a monitoring inspection within approximately 18 months. A full
reinspection will follow within approximately three years.

HMCI requires the partnership to prepare and submit a priority action plan (area SEND) setting
out how it will address the areas for priority action below.

## Information about the local area partnership

Fernleigh County Council and NHS Fernleigh and Wenvale Integrated Care Board (ICB) are jointly
responsible for the planning and commissioning of services for children and young people with
SEND in Fernleigh.

In January 2024, 7,930 children and young people in Fernleigh had an education, health and care
(EHC) plan, an increase of almost a quarter in two years. A new director of education and SEND
was appointed by the council in January 2024. The ICB's designated clinical officer for SEND
has been in post since September 2023.

The local authority commissions alternative provision (AP) from 14 registered providers and 23
unregistered providers for children who cannot attend school, including those who have been
permanently excluded and those with medical needs.

## What is it like to be a child or young person with SEND in this area?

Too many children and young people with SEND in Fernleigh wait too long to have their needs
identified and met. Many parents and carers told inspectors that they have to 'fight' to be
heard, and that they have lost confidence that the partnership will act on what they say.
Leaders have an accurate understanding of many of the weaknesses but have been too slow to act
on them.

The timeliness of EHC needs assessments is poor. In 2023, only 31% of new EHC plans were issued
within the statutory 20 weeks. Some families waited more than a year for a plan. While they
wait, children's needs are often not met in school, and some children are out of school
altogether.

Children and young people wait an average of 98 weeks for a neurodevelopmental assessment, and
some have waited more than two and a half years. The average wait from referral to a first
speech and language therapy appointment is 41 weeks. There is very little support for families
while they wait. The partnership's 'waiting well' offer is not yet known to most of the families
who need it.

The quality of EHC plans is too variable. Many plans sampled by inspectors did not describe the
child's needs precisely, and outcomes were often generic. Only 38% of annual reviews were
completed within statutory timescales in the year to March 2024, so many plans do not reflect
children's current needs.

Some services make a positive difference. The Portage service is highly valued by the families
of young children with complex needs. Children who attend the specialist resource hub at
Kestrel Vale School make strong progress in their communication and independence. Families who
use short breaks speak highly of them.

Young people preparing for adulthood do not get consistent help to plan for employment,
independent living and good health. Too few young people with EHC plans have an outcome about
their adult life that has been reviewed in the last year.

## What is it like to be a child or young person with SEND in this area: strengths

* Since the appointment of the designated clinical officer, the proportion of health advice for
EHC needs assessments returned within six weeks has risen from 44% to 79%.

* The Fernleigh Parent Carer Forum is now a partner on the SEND Partnership Board and has helped
to redesign short breaks.

* Education leaders have set up a SEND outreach service from special schools that mainstream
schools value.

## How well does the local area partnership work together?

Leaders across education, health and care do not share a single view of the needs of children
and young people with SEND. The partnership's self-evaluation is broadly accurate, but plans to
improve have too often been written without timescales or measures of success.

The local authority does not have effective oversight of the unregistered alternative provision
it commissions. Leaders could not tell inspectors how many children attended unregistered
provision for fewer than 25 hours a week, or whether checks had been made on the safety of
every setting.

Communication with families is weak. Families told inspectors that emails and calls to the SEND
team often went unanswered for weeks. A new SEND information line was launched in May 2024, but
it is too soon to see its impact.

## Areas for priority action

1. Leaders across the partnership should urgently improve the timeliness of EHC needs
assessments and the quality of EHC plans, including ensuring that annual reviews are completed
on time and that plans are updated after them.

2. Leaders at the council and the ICB should urgently reduce waiting times for
neurodevelopmental assessments and speech and language therapy, and make sure that children
and families receive meaningful support while they wait.

## Areas for improvement

* Leaders should strengthen their oversight of alternative provision, including unregistered
provision, so that they know children are safe and receive a suitable education.

* Leaders should improve communication with parents and carers, so that families receive
timely replies and know what support is available to them.

* Leaders should make sure that young people with SEND receive consistent help to prepare for
adulthood, including employment, independent living and health.

## Local area partnership details

| Local authority | Integrated care board |

| Fernleigh County Council | NHS Fernleigh and Wenvale Integrated Care Board |

| Simon Achebe, Director of Children's Services | Daniel Okonjo, Chief Executive |

## Information about this inspection

This inspection was carried out under section 20 of the Children Act 2004 by His Majesty's
Inspector from Ofsted, with a team of inspectors including an Ofsted Inspector and a Children's
Services Inspector from the Care Quality Commission (CQC).

Inspectors met children and young people, parents and carers, leaders and practitioners, and
reviewed the records of 41 children and young people. They took account of 1,312 responses to
an online survey of parents and carers.

Inspection team: Ofsted: Helen Marsh-Tully, HMI, lead inspector; Colin Ferrante, Ofsted
Inspector. CQC: Aisha Rahman, CQC lead inspector; Peter Lindqvist, CQC inspector.
"""

FOCUSED_VISIT = """
Ofsted

www.gov.uk/ofsted

12 December 2024

Simon Achebe

Corporate Director Children, Young People and Education

Fernleigh County Council

County Hall, Castle Street, Ashcombe FN1 2CH

Dear Mr Achebe

## Focused visit to Fernleigh children's services

This letter sets out what inspectors found during the focused visit to Fernleigh children's
services on 5 and 6 November 2024. His Majesty's Inspectors for this visit were Rebecca
Tolland and Marcus Ivey.

Inspectors looked at the local authority's arrangements for care leavers, including the
suitability of accommodation, how well care leavers are helped into education, employment or
training, and the impact of leaders on practice with care leavers.

This visit was carried out in line with the inspection of local authority children's services
(ILACS) framework. Inspectors spoke with care leavers, personal advisers and managers, and
looked at case records and the local authority's performance information.

## Headline findings

At the last inspection in 2022, the experiences and progress of care leavers were judged to
require improvement to be good. Since then, leaders have strengthened the care leavers service,
and most of the 612 care leavers have a trusting relationship with a personal adviser who knows
them well. The local authority is in touch with 91% of its care leavers. However, pathway
planning is too variable, too few care leavers are in education, employment or training, and
care leavers do not routinely receive a summary of their health history.

## What needs to improve in this area of social work practice?

* The quality and timeliness of pathway plans, so that they are specific, reviewed at least
every six months and written with young people.

* Support to help care leavers into education, employment or training.

* The provision of a summary of their health history to every care leaver.

* The range of suitable accommodation for care leavers aged 18 to 21 with complex needs.

---page---

## Main findings

Care leavers spoke warmly about their personal advisers, who keep in regular contact and
advocate for them. Personal advisers have an average caseload of 24, although some hold more
than 30, which limits the time they can spend with young people who need the most help.

Pathway plans are too variable. Of the 40 plans inspectors sampled, 17 had not been reviewed
within the last six months, and many actions were not time bound. Some plans were written about
young people rather than with them.

Only 54% of care leavers aged 19 to 21 are in education, employment or training, which is lower
than in similar areas. The council's apprenticeship scheme has offered 22 places to care leavers
since 2023, and those who take part do well, but too few care leavers know about it.

Most care leavers live in suitable accommodation (88%). Forty-one young people are in 'staying
put' arrangements with their former foster carers. A small number of care leavers with complex
needs have lived in bed and breakfast accommodation for short periods, which is not suitable.

Care leavers do not receive a written summary of their health history when they leave care.
This means that some young people do not know important information about their health,
immunisations or family medical history.

Leaders have a clear understanding of the service's strengths and weaknesses, and the improvement
plan for care leavers is well targeted. Corporate parenting is strong, and the Care Leavers
Council influences decisions, including the council's local offer.

The findings of this visit will inform the planning of the next inspection of Fernleigh
children's services.

Yours sincerely

Rebecca Tolland

His Majesty's Inspector
"""

DOCS = [
    Doc(
        "inspections/area-send/area send full inspection - 26 july 2024.pdf",
        "pdf",
        "Area SEND inspection of Fernleigh Local Area Partnership",
        SEND_FULL,
        created=fixed_time(2024, 7, 26),
        footer="Inspection report: Fernleigh Local Area Partnership, 10 to 14 June 2024",
        extra={"author": "Ofsted and Care Quality Commission"},
    ),
    Doc(
        "inspections/focused-visit/children's services focused visit - 12 december 2024.pdf",
        "pdf",
        "Focused visit to Fernleigh children's services",
        FOCUSED_VISIT,
        created=fixed_time(2024, 12, 12),
        extra={"author": "Ofsted"},
    ),
]
