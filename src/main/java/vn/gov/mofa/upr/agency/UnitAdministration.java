package vn.gov.mofa.upr.agency;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agency's focal point changes in its units: a unit made, renamed or removed, a person added or removed. Each
 * change is one transaction and checks first, so a refusal ({@link UnitRefusal}) leaves everything as it was. Who may
 * change which agency's units is the caller's to decide.
 */
@Component
public class UnitAdministration {

    private static final int LONGEST_UNIT_NAME = 255;

    private final AgencyUnits units;
    private final AgencyDirectory agencies;
    private final IdentityService identity;
    private final TaskService tasks;
    private final GroupAuthorizations grants;
    private final TransactionTemplate transaction;

    public UnitAdministration(AgencyUnits units, AgencyDirectory agencies, IdentityService identity, TaskService tasks,
            GroupAuthorizations grants, TransactionTemplate transaction) {
        this.units = units;
        this.agencies = agencies;
        this.identity = identity;
        this.tasks = tasks;
        this.grants = grants;
        this.transaction = transaction;
    }

    /** A unit and its people, as the page lists them. */
    public record Roster(AgencyUnit unit, List<UnitPerson> people) {
    }

    public List<Roster> rosters(String agency) {
        return units.of(agency).stream().map(unit -> new Roster(unit, people(unit))).toList();
    }

    public List<UnitPerson> people(AgencyUnit unit) {
        return identity.createUserQuery().memberOfGroup(unit.groupId()).orderByUserId().asc().list().stream()
                .map(UnitPerson::of).toList();
    }

    public AgencyUnit create(String agency, String writtenCode, String name) {
        String code = AgencyUnit.normalCode(writtenCode);
        String problem = codeProblem(code);
        if (problem == null) {
            problem = nameProblem(name);
        }
        if (problem != null) {
            throw UnitRefusal.invalid(problem);
        }
        AgencyUnit unit = new AgencyUnit(agency, code, name.strip());
        if (identity.createGroupQuery().groupId(unit.groupId()).count() > 0) {
            throw UnitRefusal.conflict("Đã có đơn vị mã " + code + " (" + unit.groupId() + "): hãy chọn mã khác.");
        }
        transaction.executeWithoutResult(status -> save(unit));
        return unit;
    }

    public AgencyUnit rename(String agency, String code, String name) {
        AgencyUnit unit = existing(agency, code);
        String problem = nameProblem(name);
        if (problem != null) {
            throw UnitRefusal.invalid(problem);
        }
        AgencyUnit renamed = new AgencyUnit(agency, unit.code(), name.strip());
        transaction.executeWithoutResult(status -> save(renamed));
        return renamed;
    }

    /**
     * Removes the unit, what it was granted (its delegations' instances included) and the accounts of its people who
     * belong nowhere else. Refused while the unit holds open tasks: they would be left to nobody.
     */
    public void remove(String agency, String code) {
        AgencyUnit unit = existing(agency, code);
        long open = tasks.createTaskQuery().taskCandidateGroup(unit.groupId()).includeAssignedTasks().count();
        if (open > 0) {
            throw UnitRefusal.conflict("Không xoá được đơn vị " + unit.name() + " vì đơn vị còn " + open
                    + " công việc chưa hoàn thành. Hãy để đơn vị hoàn thành (hoặc thu hồi việc đã giao) rồi xoá lại.");
        }
        transaction.executeWithoutResult(status -> {
            for (UnitPerson person : people(unit)) {
                leave(unit, person.userId());
            }
            grants.revokeAll(unit.groupId());
            identity.deleteGroup(unit.groupId());
        });
    }

    /** A new account in the unit; the initial password must follow the password rules (security/PasswordRules). */
    public UnitPerson addNew(String agency, String code, UnitPerson person, String password) {
        AgencyUnit unit = existing(agency, code);
        String problem = person.problem();
        if (problem != null) {
            throw UnitRefusal.invalid(problem);
        }
        if (identity.createUserQuery().userId(person.userId()).count() > 0) {
            throw UnitRefusal.conflict("Đã có người dùng với tên đăng nhập " + person.userId() + ". Nếu đó là người của đơn vị"
                    + " khác trong cơ quan, hãy chọn \"Thêm người đã có\"; nếu không, hãy chọn tên đăng nhập khác.");
        }
        if (password == null || password.isEmpty()) {
            throw UnitRefusal.invalid("Cần mật khẩu ban đầu cho người dùng mới " + person.userId() + ".");
        }
        transaction.executeWithoutResult(status -> createAccount(unit, person, password));
        return person;
    }

    /** Someone already in another unit of the same agency (one person may work for two units). */
    public UnitPerson addExisting(String agency, String code, String userId) {
        AgencyUnit unit = existing(agency, code);
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw UnitRefusal.missing("Không có người dùng với tên đăng nhập '" + (userId == null ? "" : userId) + "'.");
        }
        String problem = belongsElsewhere(userId, agency);
        if (problem != null) {
            throw UnitRefusal.conflict(problem);
        }
        if (isMember(userId, unit)) {
            throw UnitRefusal.conflict(userId + " đã thuộc đơn vị " + unit.name() + ".");
        }
        transaction.executeWithoutResult(status -> identity.createMembership(userId, unit.groupId()));
        return UnitPerson.of(user);
    }

    /**
     * Takes the person out of the unit, and removes their account when they belong to no other unit. Refused while
     * tasks are assigned to them: those would be left to an account that cannot log in.
     */
    public void removePerson(String agency, String code, String userId) {
        AgencyUnit unit = existing(agency, code);
        if (!isMember(userId, unit)) {
            throw UnitRefusal.missing("Đơn vị " + unit.name() + " không có người dùng " + userId + ".");
        }
        long assigned = tasks.createTaskQuery().taskAssignee(userId).count();
        if (assigned > 0) {
            throw UnitRefusal.conflict("Không xoá được " + userId + " vì đang được giao " + assigned + " công việc chưa hoàn"
                    + " thành. Hãy để người này trả lại việc (hoặc giao cho người khác) rồi xoá lại.");
        }
        transaction.executeWithoutResult(status -> leave(unit, userId));
    }

    // -- shared with the CSV import (UnitRosterImport), which checks a whole file before writing any of it

    AgencyUnit existing(String agency, String code) {
        return units.unit(AgencyUnit.groupIdOf(agency, AgencyUnit.normalCode(code)))
                .orElseThrow(() -> UnitRefusal.missing("Cơ quan " + agencyName(agency) + " không có đơn vị mã " + code + "."));
    }

    /** Why this user may not join a unit of the agency, or null: only people of the agency's units may. */
    String belongsElsewhere(String userId, String agency) {
        List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
        boolean onlyTheAgencysUnits = !groups.isEmpty() && groups.stream().allMatch(group ->
                AgencyUnit.GROUP_TYPE.equals(group.getType()) && group.getId().startsWith(agency + "."));
        return onlyTheAgencysUnits ? null : "Tên đăng nhập " + userId + " đã được dùng cho một người không thuộc đơn vị nào"
                + " của " + agencyName(agency) + ": hãy chọn tên đăng nhập khác.";
    }

    boolean isMember(String userId, AgencyUnit unit) {
        return identity.createUserQuery().userId(userId).memberOfGroup(unit.groupId()).count() > 0;
    }

    static String codeProblem(String code) {
        return AgencyUnit.isValidCode(code) ? null
                : "Mã đơn vị '" + code + "' không hợp lệ: cần " + AgencyUnit.CODE_RULE + ".";
    }

    static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Thiếu tên đơn vị.";
        }
        return name.strip().length() > LONGEST_UNIT_NAME ? "Tên đơn vị dài quá " + LONGEST_UNIT_NAME + " ký tự." : null;
    }

    void save(AgencyUnit unit) {
        Group group = identity.createGroupQuery().groupId(unit.groupId()).singleResult();
        if (group == null) {
            group = identity.newGroup(unit.groupId());
            group.setType(AgencyUnit.GROUP_TYPE);
        }
        group.setName(unit.name());
        identity.saveGroup(group);
        grants.tasklistUser(unit.groupId());
    }

    void createAccount(AgencyUnit unit, UnitPerson person, String password) {
        User user = identity.newUser(person.userId());
        person.writeTo(user);
        user.setPassword(password);
        try {
            identity.saveUser(user);
        } catch (BadUserRequestException weak) {
            // the password rules, said in Vietnamese by security/PasswordRules
            throw UnitRefusal.invalid(weak.getMessage());
        }
        identity.createMembership(person.userId(), unit.groupId());
    }

    private void leave(AgencyUnit unit, String userId) {
        identity.deleteMembership(userId, unit.groupId());
        if (identity.createGroupQuery().groupMember(userId).count() == 0) {
            identity.deleteUser(userId);
        }
    }

    String agencyName(String agency) {
        return agencies.byCode(agency).map(Agency::nameVi).orElse(agency);
    }
}
