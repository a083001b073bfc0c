/// Common passwords refused by ``PasswordPolicy``, lowercased. Shipped with the project so the
/// check works offline; only entries of 12 or more characters matter under the length rule.
enum CommonPasswords {
    static func contains(_ lowercasedPassword: String) -> Bool { list.contains(lowercasedPassword) }

    static let list: Set<String> = [
        "000000000000", "0987654321qw", "111111111111", "11111111111111", "12121212121212", "123123123123",
        "123456789012", "1234567890123", "12345678901234", "1234567890qwerty", "123456789101", "1234qwerasdf",
        "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "987654321098", "aaaaaaaaaaaa",
        "abc123456789", "abcabcabcabc", "abcdefghijkl", "admin1234567", "admin12345678", "administrator",
        "asdfasdfasdf", "asdfghjkl123", "autumn202420", "baseball1234", "batman123456", "changeme1234",
        "changemeplease", "changethispassword", "computer1234", "correcthorse", "correcthorsebatterystaple",
        "default12345", "defaultpassword", "dragon123456", "facebook1234", "football1234", "google123456",
        "guest1234567", "hello1234567", "helloworld12", "helloworld123", "iloveyou1234", "iloveyouforever",
        "internet1234", "jennifer1234", "jordan232323", "letmein12345", "letmeinplease", "loveyou12345",
        "masterkey123", "michael12345", "monkey123456", "mypassword12", "mypassword123", "p@ssw0rd1234",
        "p@ssword1234", "passw0rd1234", "password!234", "password#123", "password1234", "password12345",
        "password123456", "password@123", "passwordpassword", "passwordqwerty", "princess1234",
        "promptlib1234", "promptlibadmin", "qwe123qwe123", "qwerasdfzxcv", "qwerty123456", "qwertyqwerty",
        "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "root12345678", "samsung12345", "secretpassword",
        "spring202420", "starwars1234", "summer2024!!", "summer202420", "sunshine1234", "superman1234",
        "temporarypassword", "test12345678", "testpassword", "testtesttest", "toor12345678", "trustno11234",
        "usuario12345", "welcome12345", "welcome123456", "welcomewelcome", "whatever1234", "winter2024!!",
        "winter202420", "zaq12wsxcde3", "zxcvbnm12345",
    ]
}
