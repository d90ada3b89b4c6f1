package org.baraza.core.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.baraza.core.Ids.NetworkId;
import org.baraza.core.Ids.StationId;
import org.baraza.core.Ids.UserId;
import org.baraza.core.PhoneNumber;

/** Console users, how they sign in, and their roles. */
public interface UserStore {

    /**
     * @throws org.baraza.core.DomainException.NotFound      when the network does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when any user has the email, in any case
     */
    User create(NetworkId network, UserDetails details, Password password);

    Optional<User> find(UserId id);

    /** @throws org.baraza.core.DomainException.NotFound when there is no such user */
    User get(UserId id);

    /** The user with this email, whatever its case. */
    Optional<User> findByEmail(String email);

    /** The network's users, by display name. */
    List<User> list(NetworkId network);

    /**
     * The user this email and password sign in, if any: empty for an unknown email, a wrong password or
     * a disabled user, alike and in about the same time (the password is hashed in every case).
     */
    Optional<User> authenticate(String email, String password);

    void changePassword(UserId id, Password password);

    /** Records a successful sign-in at this instant. */
    User recordLogin(UserId id, Instant at);

    /** Sets or (with null) removes the phone that gets the user's SMS alerts. */
    User changePhoneNumber(UserId id, PhoneNumber phoneNumber);

    /**
     * Who runs the station: the enabled users who are its station managers or its network's admins, by
     * display name. An unknown station has nobody.
     */
    List<User> managersOf(StationId station);

    User disable(UserId id);

    User enable(UserId id);

    /**
     * @throws org.baraza.core.DomainException.Invalid       when the role's shape is wrong (a network admin of a station, ...)
     * @throws org.baraza.core.DomainException.NotFound      when the user, or the role's station or host in the user's network, does not exist
     * @throws org.baraza.core.DomainException.AlreadyExists when the user has the role already
     */
    void grant(UserId user, Role role);

    /** @throws org.baraza.core.DomainException.NotFound when the user does not have the role */
    void revoke(UserId user, Role role);

    /** The user's roles in the order they were granted. */
    List<Role> roles(UserId user);
}
