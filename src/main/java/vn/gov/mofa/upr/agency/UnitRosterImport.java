package vn.gov.mofa.upr.agency;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.mofa.upr.agency.UnitRosterFile.Row;

/**
 * Imports an agency's units and their people from a CSV ({@link UnitRosterFile}): every row is checked first, and if
 * any is wrong nothing is written and each wrong row is named with its line. Otherwise, in one transaction, units are
 * made or renamed, new people get an account with a generated initial password (shown once, for the focal point to
 * hand over: the file carries none), and people already in another unit of the agency join the unit.
 */
@Component
public class UnitRosterImport {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "-.!@#";
    private static final int PASSWORD_LENGTH = 14;

    public record RowError(int row, String message) {
    }

    public record NewAccount(String unitCode, String userId, String fullName, String initialPassword) {
    }

    /** What the import did, or (with errors) why it did nothing. */
    public record Outcome(List<RowError> errors, int unitsCreated, int unitsRenamed, int peopleAdded,
            List<NewAccount> newAccounts) {

        public boolean ok() {
            return errors.isEmpty();
        }

        static Outcome refused(List<RowError> errors) {
            return new Outcome(errors, 0, 0, 0, List.of());
        }
    }

    private final UnitAdministration administration;
    private final AgencyUnits units;
    private final IdentityService identity;
    private final TransactionTemplate transaction;

    public UnitRosterImport(UnitAdministration administration, AgencyUnits units, IdentityService identity,
            TransactionTemplate transaction) {
        this.administration = administration;
        this.units = units;
        this.identity = identity;
        this.transaction = transaction;
    }

    public static byte[] template() {
        return UnitRosterFile.template();
    }

    public Outcome importFile(String agency, byte[] content) {
        UnitRosterFile.Reading reading = UnitRosterFile.read(content);
        if (reading.fileError() != null) {
            return Outcome.refused(List.of(new RowError(0, reading.fileError())));
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, AgencyUnit> unitsInFile = new LinkedHashMap<>();
        Map<String, Row> firstRowOfUnit = new HashMap<>();
        Map<String, Row> firstRowOfPerson = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        for (Row row : reading.rows()) {
            String problem = check(agency, row, unitsInFile, firstRowOfUnit, firstRowOfPerson, pairs);
            if (problem != null) {
                errors.add(new RowError(row.line(), problem));
            }
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(errors);
        }
        return transaction.execute(status -> write(agency, reading.rows(), unitsInFile));
    }

    /** What is wrong with a row, alone or against the rows above it and the people the engine already has; or null. */
    private String check(String agency, Row row, Map<String, AgencyUnit> unitsInFile, Map<String, Row> firstRowOfUnit,
            Map<String, Row> firstRowOfPerson, Set<String> pairs) {
        String code = AgencyUnit.normalCode(row.unitCode());
        String problem = row.unitCode().isEmpty() ? "Thiếu mã đơn vị (cột ma_don_vi)." : UnitAdministration.codeProblem(code);
        if (problem == null) {
            problem = UnitAdministration.nameProblem(row.unitName());
        }
        if (problem != null) {
            return problem;
        }
        AgencyUnit unit = new AgencyUnit(agency, code, row.unitName());
        Row first = firstRowOfUnit.putIfAbsent(code, row);
        if (first != null && !first.unitName().equals(row.unitName())) {
            return "Đơn vị " + code + " đã có tên khác ở dòng " + first.line() + " (\"" + first.unitName()
                    + "\"): mỗi đơn vị chỉ một tên.";
        }
        Group group = identity.createGroupQuery().groupId(unit.groupId()).singleResult();
        if (group != null && !AgencyUnit.GROUP_TYPE.equals(group.getType())) {
            return "Mã " + code + " trùng với một nhóm không phải đơn vị (" + unit.groupId() + "): hãy chọn mã khác.";
        }
        unitsInFile.putIfAbsent(code, unit);
        if (!row.hasPerson()) {
            return null;
        }
        String userId = row.userId().toLowerCase(Locale.ROOT);
        UnitPerson person = new UnitPerson(userId, row.fullName(), row.email());
        problem = person.problem();
        if (problem != null) {
            return problem;
        }
        if (!pairs.add(code + "/" + userId)) {
            return userId + " đã có ở đơn vị " + code + " trong một dòng phía trên.";
        }
        Row earlier = firstRowOfPerson.putIfAbsent(userId, row);
        if (earlier != null && !(earlier.fullName().equals(row.fullName()) && earlier.email().equalsIgnoreCase(row.email()))) {
            return userId + " có họ tên hoặc email khác với dòng " + earlier.line() + ".";
        }
        if (identity.createUserQuery().userId(userId).count() > 0) {
            return administration.belongsElsewhere(userId, agency);
        }
        return null;
    }

    private Outcome write(String agency, List<Row> rows, Map<String, AgencyUnit> unitsInFile) {
        int created = 0;
        int renamed = 0;
        for (AgencyUnit unit : unitsInFile.values()) {
            Optional<AgencyUnit> existing = units.unit(unit.groupId());
            if (existing.isEmpty() || !existing.get().name().equals(unit.name().strip())) {
                administration.save(new AgencyUnit(agency, unit.code(), unit.name().strip()));
                if (existing.isEmpty()) {
                    created++;
                } else {
                    renamed++;
                }
            }
        }
        int added = 0;
        List<NewAccount> accounts = new ArrayList<>();
        for (Row row : rows) {
            if (!row.hasPerson()) {
                continue;
            }
            AgencyUnit unit = unitsInFile.get(AgencyUnit.normalCode(row.unitCode()));
            UnitPerson person = new UnitPerson(row.userId().toLowerCase(Locale.ROOT), row.fullName(), row.email());
            if (identity.createUserQuery().userId(person.userId()).count() == 0) {
                String password = initialPassword(person);
                administration.createAccount(unit, person, password);
                accounts.add(new NewAccount(unit.code(), person.userId(), person.fullName(), password));
                added++;
            } else if (!administration.isMember(person.userId(), unit)) {
                identity.createMembership(person.userId(), unit.groupId());
                added++;
            }
        }
        return new Outcome(List.of(), created, renamed, added, accounts);
    }

    /**
     * Random, with each kind of character the password rules ask for, and without the person's login, names or email
     * in it (which the rules refuse, and a one-letter given name would otherwise hit).
     */
    static String initialPassword(UnitPerson person) {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (String kind : List.of(LOWER, UPPER, DIGITS, SPECIAL)) {
                password.append(kind.charAt(RANDOM.nextInt(kind.length())));
            }
            String all = LOWER + UPPER + DIGITS + SPECIAL;
            while (password.length() < PASSWORD_LENGTH) {
                password.insert(RANDOM.nextInt(password.length() + 1), all.charAt(RANDOM.nextInt(all.length())));
            }
            String folded = password.toString().toLowerCase(Locale.ROOT);
            List<String> own = new ArrayList<>(List.of(person.userId(), person.email()));
            own.addAll(List.of(person.fullName().toLowerCase(Locale.ROOT).split("\\s+")));
            if (own.stream().filter(part -> !part.isBlank()).noneMatch(part -> folded.contains(part.toLowerCase(Locale.ROOT)))) {
                return password.toString();
            }
        }
    }
}
