package org.baraza.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +256700100200}) or a short code ({@code 8822}). Spaces, dashes,
 * dots and brackets that people type are dropped; anything else that is not a digit is refused.
 * Turning a national number (0772...) into E.164 needs the station's country and is done at the edge.
 */
public record PhoneNumber(String value) implements Comparable<PhoneNumber> {

    private static final Pattern CANONICAL = Pattern.compile("\\+[1-9][0-9]{6,14}|[0-9]{3,15}");
    private static final Pattern TYPING = Pattern.compile("[\\s().-]");
    private static final Pattern E164_WITHOUT_PLUS = Pattern.compile("[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new DomainException.Invalid(
                    "not a phone number: \"" + value + "\" (expected +<country><number>, or a short code of 3 to 15 digits)");
        }
    }

    /** Reads a number as a person typed it: {@code "+256 (700) 100-200"} is {@code +256700100200}. */
    public static PhoneNumber parse(String typed) {
        if (typed == null) {
            throw new DomainException.Invalid("a phone number is required");
        }
        return new PhoneNumber(TYPING.matcher(typed.strip()).replaceAll(""));
    }

    /**
     * The numbers a caller id may stand for, most literal first: the number as FreeSWITCH shows it, and when
     * it is all digits and long enough to be international, the same in E.164 ({@code 256700100200} is also
     * {@code +256700100200}: many gateways drop the plus). Empty for text that is no number.
     */
    public static List<PhoneNumber> candidates(String callerId) {
        List<PhoneNumber> numbers = new ArrayList<>();
        if (callerId == null) {
            return numbers;
        }
        String trimmed = callerId.strip();
        try {
            numbers.add(parse(trimmed));
        } catch (DomainException notANumber) {
            // Anonymous, a SIP user name: only the E.164 reading below may apply.
        }
        if (E164_WITHOUT_PLUS.matcher(trimmed).matches()) {
            numbers.add(new PhoneNumber("+" + trimmed));
        }
        return List.copyOf(numbers);
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
