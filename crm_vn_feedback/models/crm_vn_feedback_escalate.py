import time
from collections import defaultdict

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_datetime
from odoo.tools.mail import generate_tracking_message_id

from odoo.addons.crm_vn_base.tools.vietnam_time import today_in_vietnam
from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

from .crm_vn_feedback import OPEN_STATES

# Inbox notifications per person and per run: above this, one digest message.
NOTIFY_ONE_BY_ONE = 10


class CrmVnFeedback(models.Model):
    """Escalation: a breached deadline raises the feedback one level.

    ``_cron_escalate`` (scheduled action ``ir_cron_feedback_escalation``) is
    safe with several workers: rows are locked with ``FOR UPDATE SKIP
    LOCKED`` and re-checked after locking, and a level is reached once
    (unique step per feedback and level). Extension point:
    ``_escalation_target`` decides who is notified at a level.
    """

    _inherit = "crm.vn.feedback"

    escalation_level = fields.Integer(
        default=0,
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_user",
        help="0: not escalated; 1: first level; and so on.",
    )
    escalated_user_id = fields.Many2one(
        "res.users",
        "Escalated To",
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_user",
        help="Person at the current level.",
    )
    escalation_ids = fields.One2many(
        "crm.vn.feedback.escalation", "feedback_id", "Escalations", readonly=True, groups="base.group_user"
    )
    can_escalate = fields.Boolean(compute="_compute_can_escalate", groups="base.group_user")

    @api.depends_context("uid")
    @api.depends("team_id", "state")
    def _compute_can_escalate(self):
        manager = self.env.user.has_group("sales_team.group_sale_salesman_all_leads")
        for feedback in self:
            feedback.can_escalate = feedback.state in OPEN_STATES and (
                manager or feedback.team_id.user_id == self.env.user
            )

    # ------------------------------------------------------------
    # Scheduled job
    # ------------------------------------------------------------

    @api.model
    def _cron_escalate(self, batch_size=1000, time_budget=300.0):
        """Escalate every open feedback whose deadline has passed, one level.

        Run by the scheduler, processes one batch and reports the remainder through ``ir.cron`` progress, so that
        the scheduler commits it and runs the job again right away; called otherwise, processes batches until none
        is left or ``time_budget`` seconds are spent. Called on records, only
        those are considered (the scheduler calls it on the empty model).
        Returns the number of feedbacks escalated.
        """
        now = fields.Datetime.now()
        [(top,)] = self.env["crm.vn.feedback.escalation.level"].sudo()._read_group([], aggregates=["level:max"])
        if not top:
            return 0
        self.flush_model(["active", "state", "sla_deadline", "escalation_level"])
        started = time.monotonic()
        done = last_id = 0
        while True:
            self.env.cr.execute(
                SQL(
                    """SELECT id FROM crm_vn_feedback
                        WHERE active AND state IN %(states)s AND sla_deadline <= %(now)s
                          AND escalation_level < %(top)s AND id > %(last_id)s
                          AND (%(everything)s OR id = ANY(%(ids)s::int[]))
                     ORDER BY id LIMIT %(limit)s
                   FOR UPDATE SKIP LOCKED""",
                    states=OPEN_STATES,
                    now=now,
                    top=top,
                    last_id=last_id,
                    everything=not self.ids,
                    ids=self.ids,
                    limit=batch_size,
                )
            )
            ids = [row[0] for row in self.env.cr.fetchall()]
            if not ids:
                break
            last_id = ids[-1]
            batch = self.browse(ids)
            # The rows are locked now: forget what the cache knew before.
            batch.invalidate_recordset()
            done += len(batch._escalate(now=now))
            # Run by the scheduler: one batch per call. The scheduler commits it (its row locks are released, and the
            # escalations already notified stay whatever happens later) and calls again while some remain, as Odoo's
            # batched crons do (ir.cron._notify_progress). Called otherwise: batches until the time budget is spent.
            if self.env.context.get("ir_cron_progress_id") or time.monotonic() - started > time_budget:
                remaining = self.search_count(
                    [
                        ("state", "in", OPEN_STATES),
                        ("sla_deadline", "<=", now),
                        ("escalation_level", "<", top),
                        ("id", ">", last_id),
                    ]
                )
                self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
                return done
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)
        return done

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_escalate(self):
        """Escalate by hand (team leader of the feedback's team or sales managers)."""
        for feedback in self:
            if not feedback.can_escalate:
                raise UserError(
                    self.env._(
                        "Only the leader of the sales team or a sales manager can escalate feedback %(reference)s.",
                        reference=feedback.reference,
                    )
                )
        escalated = self._escalate(manual=True)
        for feedback in self - escalated:
            raise UserError(
                self.env._(
                    "Feedback %(reference)s is already at the highest escalation level.",
                    reference=feedback.reference,
                )
            )
        return True

    # ------------------------------------------------------------
    # Business
    # ------------------------------------------------------------

    def _escalation_target(self, level, levels, exclude=None):
        """Person notified when this feedback reaches ``level`` (override to route differently).

        The team leader when the level targets the team leader and the team
        has a leader other than the people already in charge; else the
        level's named person; else the same for the next levels.
        """
        self.ensure_one()
        in_charge = self.user_id | self.escalated_user_id | (exclude or self.env["res.users"])
        for number in sorted(n for n in levels if n >= level):
            step = levels[number]
            candidates = [step.user_id]
            if step.target == "team_leader":
                candidates.insert(0, self.team_id.sudo().user_id)
            for user in candidates:
                if user and user.active and user not in in_charge:
                    return user
        return self.env["res.users"]

    def _escalate(self, now=None, manual=False):
        """Raise each feedback of ``self`` one level; return those escalated.

        Automatic runs only take open feedback whose ``sla_deadline`` has
        passed; the new level gets an activity, a message and a deadline, and
        the step is recorded. Writes are grouped, so thousands of feedbacks
        cost a few dozen queries per batch.
        """
        now = now or fields.Datetime.now()
        Level = self.env["crm.vn.feedback.escalation.level"]
        levels_by_company = {}
        group_ids = defaultdict(list)  # ids, made recordsets once (a union per feedback costs its size each time)
        deadlines = {}
        steps = []
        for feedback in self:
            if feedback.state not in OPEN_STATES:
                continue
            breached = feedback.sla_deadline
            if not manual and (not breached or breached > now):
                continue
            company = feedback.company_id
            if company.id not in levels_by_company:
                levels_by_company[company.id] = Level._levels_for(company)
            levels = levels_by_company[company.id]
            # the steps recorded are the truth: a level is never reached twice
            new_level = max(feedback.escalation_level, *feedback.escalation_ids.mapped("level"), 0) + 1
            if new_level not in levels:
                continue
            target = feedback._escalation_target(new_level, levels, exclude=self.env.user if manual else None)
            # One run escalates at one moment: the new deadline depends only on the company and the level's hours.
            key = (feedback.company_id.id, levels[new_level].hours)
            if key not in deadlines:
                deadlines[key] = feedback._sla_add_hours(now, levels[new_level].hours)
            deadline = deadlines[key]
            group_ids[new_level, target.id, deadline].append(feedback.id)
            steps.append(
                {
                    "feedback_id": feedback.id,
                    "level": new_level,
                    "date": now,
                    "user_id": target.id,
                    "previous_user_id": (feedback.escalated_user_id or feedback.user_id).id,
                    "breached_deadline": breached,
                    "new_deadline": deadline,
                    "trigger": "manual" if manual else "auto",
                    "escalated_by_id": self.env.user.id if manual else False,
                }
            )
        if not steps:
            return self.browse()
        groups = {key: self.browse(ids) for key, ids in group_ids.items()}
        escalated = self.browse([feedback_id for ids in group_ids.values() for feedback_id in ids])
        Feedback = self.sudo().with_context(tracking_disable=True, mail_notrack=True)
        for (new_level, target_id, deadline), feedbacks in groups.items():
            Feedback.browse(feedbacks.ids).write(
                {"escalation_level": new_level, "escalated_user_id": target_id, "escalation_deadline": deadline}
            )
        # the history is written by the job for everyone; the unique (feedback, level) constraint refuses a second
        # escalation of one breach.
        self._crm_vn_insert_steps(steps)
        escalated._escalation_notify(groups, manual=manual)
        return escalated

    def _escalation_notify(self, groups, manual=False):
        """Chatter note on each feedback, activity and inbox message for the new level.

        The notes, activities and followers of a run are written as a few multi-row inserts: what Odoo's
        ``_message_log_batch``, ``mail.activity.create`` (quick update: no e-mail per activity) and
        ``message_subscribe`` write, row for row, without creating thousands of records one by one through the ORM
        (most of the job's time before). The people escalated to are told by one inbox message each (below).
        """
        odoobot = self.env.ref("base.partner_root")
        activity_type = self.env.ref("crm_vn_feedback.mail_activity_type_feedback_escalated")
        author = self.env.user.partner_id if manual else odoobot
        bodies = {}
        activities = []
        by_target = defaultdict(list)
        due_texts = {}
        for (new_level, target_id, deadline), feedbacks in groups.items():
            target = self.env["res.users"].browse(target_id)
            # written for the person escalated to, in their language (the company's when nobody): a job has none
            env = self.with_context(lang=self._crm_vn_reader_lang(target, feedbacks[:1].company_id)).env
            if manual:
                intro = env._("Escalated by hand to level %(level)s", level=new_level)
            else:
                intro = env._("Deadline breached: escalated to level %(level)s", level=new_level)
            who = target.name or env._("nobody (no escalation contact is configured)")
            for feedback in feedbacks:
                tz = pytz.timezone(target.tz or feedback.company_id.partner_id.tz or VN_TZ)
                if (deadline, tz.zone) not in due_texts:
                    due_texts[deadline, tz.zone] = (
                        format_datetime(self.env, deadline, tz=tz.zone, dt_format="short"),
                        pytz.utc.localize(deadline).astimezone(tz).date(),
                    )
                due, due_date = due_texts[deadline, tz.zone]
                bodies[feedback.id] = Markup("<p>%s: %s. %s</p>") % (
                    intro,
                    who,
                    env._("New deadline: %(deadline)s", deadline=due),
                )
                if target:
                    activities.append((feedback, target, due_date))
                    by_target[target].append(feedback.id)
        self.env.flush_all()
        self._crm_vn_log_notes(bodies, author)
        self._crm_vn_insert_activities(activity_type, activities)
        self._crm_vn_insert_followers([(feedback.id, target.partner_id.id) for feedback, target, _d in activities])
        self.env.invalidate_all()
        for target, feedback_ids in by_target.items():
            self._escalation_notify_target(target, self.browse(feedback_ids))

    def _crm_vn_insert_steps(self, steps):
        """The escalation steps (values as for ``crm.vn.feedback.escalation.create``) in one insert; the company is
        the feedback's (the related stored field)."""
        Step = self.env["crm.vn.feedback.escalation"]
        self.env.flush_all()
        columns = ("feedback_id", "level", "date", "user_id", "previous_user_id", "breached_deadline", "new_deadline")
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_vn_feedback_escalation (feedback_id, company_id, level, date, user_id,
                                                          previous_user_id, breached_deadline, new_deadline, trigger,
                                                          escalated_by_id, create_uid, write_uid, create_date,
                                                          write_date)
                   SELECT step.feedback_id, feedback.company_id, step.level, step.date, step.user_id,
                          step.previous_user_id, step.breached_deadline, step.new_deadline, step.trigger,
                          step.escalated_by_id, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(feedback_id)s::int[], %(level)s::int[], %(date)s::timestamp[], %(user_id)s::int[],
                                 %(previous_user_id)s::int[], %(breached_deadline)s::timestamp[],
                                 %(new_deadline)s::timestamp[], %(trigger)s::varchar[], %(escalated_by_id)s::int[])
                       AS step(feedback_id, level, date, user_id, previous_user_id, breached_deadline, new_deadline,
                               trigger, escalated_by_id)
                     JOIN crm_vn_feedback feedback ON feedback.id = step.feedback_id""",
                uid=self.env.uid,
                now=self.env.cr.now(),
                trigger=[step["trigger"] for step in steps],
                escalated_by_id=[step["escalated_by_id"] or None for step in steps],
                **{column: [step[column] or None for step in steps] for column in columns},
            )
        )
        Step.invalidate_model()
        self.invalidate_recordset(["escalation_ids"])

    def _crm_vn_log_notes(self, bodies, author):
        """The internal notes ``{feedback id: html}`` by ``author``, as ``_message_log_batch`` writes them."""
        if not bodies:
            return
        author_id, email_from = self.env["mail.thread"]._message_compute_author(author.id, None, raise_on_email=False)
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_message (model, res_id, body, author_id, email_from, reply_to, message_type,
                                             is_internal, subtype_id, email_add_signature, message_id, date,
                                             create_uid, write_uid, create_date, write_date)
                   SELECT %(model)s, note.res_id, note.body, %(author)s, %(email_from)s, %(reply_to)s, 'notification',
                          TRUE, %(subtype)s, FALSE, %(message_id)s, %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(res_ids)s::int[], %(bodies)s::text[]) AS note(res_id, body)""",
                model=self._name,
                author=author_id,
                email_from=email_from,
                reply_to=self.env["mail.thread"]._notify_get_reply_to(default=email_from)[False],
                subtype=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                message_id=generate_tracking_message_id("message-notify"),
                now=self.env.cr.now(),
                uid=self.env.uid,
                res_ids=list(bodies),
                bodies=[str(body) for body in bodies.values()],
            )
        )

    def _crm_vn_insert_activities(self, activity_type, activities):
        """The activities ``[(feedback, user, deadline)]``, as ``mail.activity.create`` writes them (quick update);
        the users' activity counters are told, as Odoo does."""
        if not activities:
            return
        feedbacks = self.browse([feedback.id for feedback, _user, _date in activities])
        names = dict(zip(feedbacks.ids, feedbacks.sudo().mapped("display_name"), strict=True))
        summaries = {
            feedback.id: self.with_context(lang=self._crm_vn_reader_lang(user, feedback.company_id)).env._(
                "Escalated feedback %(reference)s", reference=feedback.reference
            )
            for feedback, user, _date in activities
        }
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                                              user_tz, summary, date_deadline, active, create_uid, write_uid,
                                              create_date, write_date)
                   SELECT %(model_id)s, %(model)s, act.res_id, act.res_name, %(type)s, act.user_id, act.user_tz,
                          act.summary, act.deadline, TRUE, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(res_ids)s::int[], %(res_names)s::varchar[], %(user_ids)s::int[],
                                 %(user_tzs)s::varchar[], %(summaries)s::varchar[], %(deadlines)s::date[])
                       AS act(res_id, res_name, user_id, user_tz, summary, deadline)""",
                model_id=self.env["ir.model"]._get_id(self._name),
                model=self._name,
                type=activity_type.id,
                uid=self.env.uid,
                now=self.env.cr.now(),
                res_ids=[feedback.id for feedback, _user, _date in activities],
                res_names=[names[feedback.id] for feedback, _user, _date in activities],
                user_ids=[user.id for _feedback, user, _date in activities],
                user_tzs=[user.tz or None for _feedback, user, _date in activities],
                summaries=[summaries[feedback.id] for feedback, _user, _date in activities],
                deadlines=[deadline for _feedback, _user, deadline in activities],
            )
        )
        today = today_in_vietnam()
        users = self.env["res.users"].browse({user.id for _f, user, deadline in activities if deadline <= today})
        for user in users:
            user._bus_send("mail.activity/updated", {"activity_created": True})

    def _crm_vn_insert_followers(self, pairs):
        """Make the partners of ``[(feedback id, partner id)]`` followers, with the default subtypes an employee
        gets (``message_subscribe``); those already following are left as they are."""
        pairs = sorted(set(pairs))
        if not pairs:
            return
        subtypes = self.env["mail.message.subtype"].default_subtypes(self._name)[0]
        self.env.cr.execute(
            SQL(
                """WITH new AS (
                       INSERT INTO mail_followers (res_model, res_id, partner_id)
                       SELECT %(model)s, pair.res_id, pair.partner_id
                         FROM unnest(%(res_ids)s::int[], %(partner_ids)s::int[]) AS pair(res_id, partner_id)
                       ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                       RETURNING id
                   )
                   INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
                   SELECT new.id, subtype FROM new, unnest(%(subtypes)s::int[]) AS subtype""",
                model=self._name,
                res_ids=[res_id for res_id, _partner in pairs],
                partner_ids=[partner for _res_id, partner in pairs],
                subtypes=subtypes.ids,
            )
        )

    @api.model
    def _crm_vn_reader_lang(self, user, company):
        """The language to write in for ``user`` (their own, else the company's, else Vietnamese): what a job writes
        is read in the reader's language, as when someone does the same by hand."""
        return user.lang or company.partner_id.lang or self.env.company.partner_id.lang or "vi_VN"

    def _escalation_notify_target(self, target, feedbacks):
        env = self.with_context(lang=self._crm_vn_reader_lang(target, feedbacks[:1].company_id)).env
        feedbacks = feedbacks.with_env(env)
        subject = env._("Feedback escalated to you")
        if len(feedbacks) <= NOTIFY_ONE_BY_ONE:
            for feedback in feedbacks.sudo():
                feedback.message_notify(
                    partner_ids=target.partner_id.ids,
                    subject=env._("Feedback %(reference)s escalated to you", reference=feedback.reference),
                    body=Markup("<p>%s</p>")
                    % env._(
                        "%(reference)s %(subject)s (customer %(customer)s) was escalated to you.",
                        reference=feedback.reference,
                        subject=feedback.name,
                        customer=feedback.partner_id.display_name,
                    ),
                    email_layout_xmlid="mail.mail_notification_light",
                )
            return
        items = Markup("").join(
            Markup('<li><a href="/odoo/crm.vn.feedback/%s">%s</a> %s</li>')
            % (feedback.id, feedback.reference, feedback.name)
            for feedback in feedbacks.sudo()[:200]
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            env._("%(count)s feedbacks were escalated to you:", count=len(feedbacks)),
            items,
        )
        env["mail.thread"].sudo().message_notify(
            partner_ids=target.partner_id.ids,
            subject=subject,
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )
